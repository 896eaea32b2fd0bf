"""The shares side of the meeting screen: the share clock, who shares, who is next."""

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive, var
from textual.widgets import Static

from facilitator.core.i18n import _, ngettext, number, pgettext
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.session_shares import suggestion
from facilitator.core.meeting.share_timer import format_countdown
from facilitator.core.schedule.meeting import QUEUE_MODE_NAMES
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.queue_list import LABEL_WIDTH, QueueList
from facilitator.tui.widgets.share_clock import ShareClock



def cut(label: str) -> str:
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"


class SharesPanel(Vertical):
    """Shows `session` at meeting time `now`; the screen does every action."""

    DEFAULT_CSS = """
    SharesPanel #shares-status { height: auto; padding: 0 1; }
    SharesPanel #shares-suggestion { height: auto; padding: 0 1; color: $text-muted; }
    SharesPanel QueueList { height: 1fr; min-height: 3; }
    """

    session: reactive[MeetingSession | None] = reactive(None)
    now: var[float] = var(0.0)  # its watcher updates the parts; nothing to repaint here

    def __init__(self, warning_seconds: int, reserve_seconds: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.warning_seconds = warning_seconds
        self.reserve_seconds = reserve_seconds
        self.suggestion_shown: str | None = None

    def compose(self) -> ComposeResult:
        yield ShareClock(self.warning_seconds, id="share-clock").data_bind(
            SharesPanel.session, SharesPanel.now)
        yield Static(id="shares-status")
        yield Static(id="shares-suggestion")
        yield QueueList(id="queue-list").data_bind(SharesPanel.session)

    def watch_session(self, session: MeetingSession | None) -> None:
        if session is None:
            return
        queue = session.queue
        if session.timer is not None:
            sharing = cut(queue.sharing.label) if queue.sharing else _("(unnamed share)")
        else:
            sharing = _("nobody")
        if queue.mode == "popcorn":
            next_up = _("the sharer picks")
        else:
            next_up = cut(queue.next_up.label) if queue.next_up else "—"
        stats = session.stats
        # Translators: labels each followed by a name or a count, beside the share clock.
        self.query_one("#shares-status", Static).update(Content.assemble(
            (_("sharing") + " ", "dim"), plain_text(sharing, "bold"),
            ("   " + _("next") + " ", "dim"), plain_text(next_up), "\n",
            (_("waiting") + " ", "dim"), (str(queue.waiting_count), "bold"),
            ("   " + pgettext("short", "shares") + " ", "dim"), str(stats.shares),
            ("   " + _("passes") + " ", "dim"), str(stats.passes),
            "\n", (_(QUEUE_MODE_NAMES[queue.mode]), "dim"),
            (" · " + _("first-timers first") if queue.priority else "", "dim"),
            (" · " + _("bell on") if session.bell else "", "dim"),
        ))
        self.show_suggestion()

    def watch_now(self) -> None:
        self.show_suggestion()

    def show_suggestion(self) -> None:
        session = self.session
        if session is None or not self.is_mounted:
            return
        text = suggestion_text(session, self.now, self.reserve_seconds)
        if text != self.suggestion_shown:  # `now` moves several times a second; this rarely
            self.suggestion_shown = text
            self.query_one("#shares-suggestion", Static).update(plain_text(text))


def suggestion_text(session: MeetingSession, now: float, reserve_seconds: int) -> str:
    """'suggested: 3:00 each so all 5 can share (s applies)', or nothing without a suggestion."""
    seconds = suggestion(session, now, reserve_seconds)
    if seconds is None:
        return ""
    waiting = session.queue.waiting_count
    # Translators: {time} is the share length suggested; s is the key that applies it.
    return ngettext("suggested: {time} for the one waiting (s applies)",
                    "suggested: {time} each so all {n} can share (s applies)", waiting).format(
        time=format_countdown(seconds), n=number(waiting))
