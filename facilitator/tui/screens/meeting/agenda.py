"""The meeting screen's agenda keys: next section and back, each one journaled action."""

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from facilitator.core.meeting.actions import SectionNext, SectionPrevious

# F11 is taken by many terminals (full screen); F12 is free, and shift+F12 reaches Textual
# as "f24" through xterm-style terminals and tmux.
AGENDA_BINDINGS = [
    Binding("f12", "section_next", "Next section", id="meeting.section_next", priority=True,
            tooltip="Close this section of the agenda and begin the next (key: F12)"),
    Binding("shift+f12,f24", "section_previous", "Prev section", id="meeting.section_previous",
            priority=True, tooltip="Back to the section before (key: shift+F12)"),
]


class AgendaActions:
    """Mixed into MeetingScreen, which provides `live`, `act`, `show_tab` and the widgets."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Without a format the agenda keys are hidden from the footer and the palette."""
        if action in {"section_next", "section_previous"} and self.live.session.agenda is None:
            return False
        return super().check_action(action, parameters)

    def action_section_next(self) -> None:
        agenda = self.live.session.agenda
        if agenda is not None and agenda.finished:
            self.notify("The agenda is done; F10 ends the meeting.")
            return
        self.move_section(SectionNext())

    def action_section_previous(self) -> None:
        agenda = self.live.session.agenda
        if agenda is not None and agenda.index == 0:
            self.notify("This is the first section.")
            return
        self.move_section(SectionPrevious())

    def move_section(self, action: SectionNext | SectionPrevious) -> None:
        if self.act(action):
            self.section_began()

    def section_began(self) -> None:
        """Show what the chair needs now: the reading or note, else the sign-in list."""
        section = self.live.session.agenda.current
        if section is not None and (section.reading or section.note):
            self.show_tab("tab-agenda")
            self.query_one("#agenda-reading").focus()  # arrows and page keys scroll it
        else:
            self.show_tab("tab-signin")
            self.query_one("#name-input", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the agenda is shown is a late arrival's name: take it there."""
        if not (event.character and event.is_printable and not event.character.isspace()):
            return
        name_input = self.query_one("#name-input", Input)
        # Letters reach the screen only when nothing took them: nothing focused, the reading
        # (it scrolls, it doesn't type), or the name box itself when several letters came at
        # once and the first one moved the focus while the rest were on their way.
        if self.focused not in (None, name_input) and self.focused.id != "agenda-reading":
            return
        event.stop()
        if self.focused is not name_input:
            self.show_tab("tab-signin")
            self.set_focus(name_input)  # at once, so the letters after this one follow it
        name_input.post_message(events.Key(event.key, event.character))
