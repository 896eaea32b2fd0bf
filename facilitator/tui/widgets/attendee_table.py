"""Who is signed in: a number, the first name if one was given, and the flags."""

from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable
from rich.text import Text

from facilitator.core.i18n import N_, _, pgettext
from facilitator.core.meeting.session import MeetingSession
from facilitator.tui.plain_text import printable

# Narrow enough that the table fits its half of an 80-column terminal, scrollbar included.
NAME_WIDTH = 14


def flag_word(flag: str) -> str:
    """How a flag is shown beside a name: in the sign-in list, the queue, the correction."""
    # Translators: a tag beside a person's name in a narrow list: keep each short.
    words = {"newcomer": pgettext("flag", "newcomer"), "visitor": pgettext("flag", "visitor"),
             "online": pgettext("flag", "online")}
    return words[flag]


def shown_name(name: str, width: int = NAME_WIDTH) -> Text:
    """A name as plain text (never markup), cut to fit."""
    text = Text(printable(name or "—"), no_wrap=True, overflow="ellipsis")
    text.truncate(width, overflow="ellipsis")
    return text


class AttendeeTable(DataTable):
    """The sign-in list, newest at the bottom; the highlighted row can be corrected."""

    BINDINGS = [
        Binding("q", "screen.queue_attendee", N_("Queue this person"), id="attendees.queue"),
        Binding("enter", "select_cursor", N_("Correct"), id="attendees.correct", show=False),
    ]

    session: reactive[MeetingSession | None] = reactive(None)

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column("#", key="number", width=3)
        self.add_column(_("name"), key="name", width=NAME_WIDTH)
        self.add_column("", key="flags", width=13)

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        grew = len(session.attendees) > self.row_count
        row = len(session.attendees) - 1 if grew else self.cursor_row
        self.clear()
        for person in session.attendees:
            flags = " ".join(flag_word(flag) for flag in ("newcomer", "visitor", "online")
                             if getattr(person, flag))
            # 'Guest 3' when no name was given: the queue and the display call them so too.
            self.add_row(str(person.id), shown_name(person.label), flags, key=str(person.id))
        if self.row_count:
            self.move_cursor(row=min(max(row, 0), self.row_count - 1), scroll=True)

    @property
    def selected_id(self) -> int | None:
        if not self.row_count:
            return None
        return int(self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value)
