"""The counts, always in sight: in the room and online apart, the total beside them,
newcomers and visitors."""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Digits, Static

from facilitator.core.i18n import _, pgettext
from facilitator.core.meeting.session import MeetingSession


class CountsBar(Horizontal):
    """The total in big digits; in the room, online and the other counts beside it."""

    DEFAULT_CSS = """
    CountsBar { height: 3; }
    CountsBar #attendance-digits { width: auto; min-width: 6; color: $accent; }
    /* A line too long for the width (longer words) ends in "…" rather than wrapping and
       pushing the last line out of sight. */
    CountsBar #counts-text { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    session: reactive[MeetingSession | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Digits("0", id="attendance-digits")
        yield Static(id="counts-text")

    def on_mount(self) -> None:
        self.watch_session(self.session)  # a session bound before the parts were mounted

    def watch_session(self, session: MeetingSession | None) -> None:
        # As every widget of the screen: nothing to draw into before mounting or after the
        # screen has gone (a tick can arrive as the meeting ends).
        if session is None or not self.is_mounted:
            return
        self.query_one("#attendance-digits", Digits).update(str(session.attendance))
        # Translators: labels each followed by its count, in a third of an 80-column screen.
        self.query_one("#counts-text", Static).update(Content.assemble(
            _("in the room") + " ", (str(session.in_room), "bold"),
            "  " + _("online") + " ", (str(session.online), "bold"),
            "\n" + _("total") + " ", (str(session.attendance), "bold"),
            "\n" + _("newcomers") + " ", (str(session.newcomers), "bold"),
            "  " + pgettext("short", "visitors") + " ", (str(session.visitors), "bold"),
        ))
