"""The four counts, always in sight: attendance, newcomers, visitors, online."""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Digits, Static

from facilitator.core.meeting.session import MeetingSession


class CountsBar(Horizontal):
    """Attendance in big digits; the other counts beside it."""

    DEFAULT_CSS = """
    CountsBar { height: 3; }
    CountsBar #attendance-digits { width: auto; min-width: 6; color: $accent; }
    CountsBar #counts-text { width: 1fr; padding: 0 1; }
    """

    session: reactive[MeetingSession | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Digits("0", id="attendance-digits")
        yield Static(id="counts-text")

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        self.query_one("#attendance-digits", Digits).update(str(session.attendance))
        self.query_one("#counts-text", Static).update(Content.assemble(
            "in the room: ", (str(session.attendance), "bold"),
            "\nnewcomers ", (str(session.newcomers), "bold"),
            "  visitors ", (str(session.visitors), "bold"),
            "\nonline ", (str(session.online), "bold"),
        ))
