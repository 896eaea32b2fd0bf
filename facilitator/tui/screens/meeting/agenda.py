"""The meeting screen's agenda keys: next section and back, each one journaled action; and
the reading of the section in progress, loaded here for the agenda tab to show."""

from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.actions import SectionNext, SectionPrevious
from facilitator.core.meeting.session import MeetingSession
from facilitator.store.live_meeting import LiveMeeting
from facilitator.store.readings import load_reading
from facilitator.tui.widgets.agenda_panel import Reading

# F11 is taken by many terminals (full screen); F12 is free, and shift+F12 reaches Textual
# as "f24" through xterm-style terminals and tmux.
AGENDA_BINDINGS = [
    Binding("f12,ctrl+a", "section_next", N_("Next section"), id="meeting.section_next",
            priority=True, tooltip=N_("Close this section of the agenda and begin the next")),
    Binding("shift+f12,f24", "section_previous", N_("Prev section"), id="meeting.section_previous",
            priority=True, tooltip=N_("Back to the section before")),
    # No F-key: `[` where no text box has focus (the queue, the attendees).
    Binding("left_square_bracket", "section_previous", N_("Prev section"),
            id="meeting.section_previous_letter", show=False),
]


def load_section_reading(session: MeetingSession, db_path: Path) -> Reading | None:
    """The current section's reading file, or the line that says why it can't be shown."""
    agenda = session.agenda
    section = agenda.current if agenda is not None else None
    if section is None or not section.reading:
        return None
    try:
        return Reading(agenda.index, load_reading(section.reading, db_path))
    except FacilitatorError as error:
        return Reading(agenda.index, str(error), problem=True)


class AgendaActions:
    """Mixed into MeetingScreen: the agenda's keys and its reading."""

    # Provided by MeetingScreen.
    live: LiveMeeting
    reading: Reading | None
    act: Callable[..., bool]
    show_tab: Callable[[str], None]
    business_section_began: Callable[[], bool]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Without a format the agenda keys are hidden from the footer and the palette."""
        if action in {"section_next", "section_previous"} and self.live.session.agenda is None:
            return False
        return super().check_action(action, parameters)

    def action_section_next(self) -> None:
        agenda = self.live.session.agenda
        if agenda is not None and agenda.finished:
            self.notify(_("The agenda is done; F10 or ctrl+x ends the meeting."))
            return
        self.move_section(SectionNext())

    def action_section_previous(self) -> None:
        agenda = self.live.session.agenda
        if agenda is not None and agenda.index == 0:
            self.notify(_("This is the first section."))
            return
        self.move_section(SectionPrevious())

    def reading_of(self, session: MeetingSession) -> Reading | None:
        """The reading to show with `session`: read from its file when the section changes,
        not on every action."""
        agenda = session.agenda
        if agenda is None:
            return None
        if self.reading is not None and self.reading.index == agenda.index:
            return self.reading
        return load_section_reading(session, self.app.database.path)

    def move_section(self, action: SectionNext | SectionPrevious) -> None:
        if self.act(action):
            self.section_began()

    def section_began(self) -> None:
        """Show what the chair needs now: the reading or note, else the sign-in list."""
        if self.business_section_began():
            return
        section = self.live.session.agenda.current
        if section is not None and (section.reading or section.note):
            self.show_tab("tab-agenda")
            self.query_one("#agenda-reading").focus()  # arrows and page keys scroll it
        else:
            self.show_tab("tab-signin")
            self.query_one("#name-input", Input).focus()
