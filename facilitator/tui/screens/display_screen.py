"""The room display: follows the live journal of the meeting in progress, read-only.

The group's settings live in the database, which is read whole (a second at 100,000
records): they are read in a worker thread, so the countdown never stops for them.
"""

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static
from textual.worker import get_current_worker

from facilitator.core.clock import Clock
from facilitator.core.i18n import _, counted
from facilitator.core.meeting.room_view import RoomState, RoomView, room_view
from facilitator.core.settings import GroupSettings
from facilitator.core.meeting.timeline import Timeline
from facilitator.store.journal_follower import JournalFollower
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.big_text import BigText

# The journal is looked at this often (one stat each time): well inside half a second.
POLL_SECONDS = 0.1
STATE_CLASSES = {state: f"-{state.value}" for state in RoomState}


def waiting_text(count: int, side: str | None = None) -> str:
    if count == 0:
        return _("nobody waiting to share")
    waiting = counted("{n} waiting to share", "{n} waiting to share", count)
    if not side:
        return waiting
    # Translators: {side} is "online" or "in the room": where the next share comes from.
    return _("{waiting}  ·  next: {side}").format(waiting=waiting, side=_(side))


class DisplayScreen(GuardedHandlers, Screen):
    """Counts and times only; first names only when the facilitator turned them on."""

    view: reactive[RoomView | None] = reactive(None)
    wall: reactive[str] = reactive("")

    def __init__(self, follower: JournalFollower, clock: Clock,
                 read_settings: Callable[[], GroupSettings]) -> None:
        super().__init__()
        self.follower = follower
        self.clock = clock
        self.read_settings = read_settings
        self.settings = GroupSettings()
        self.timeline: Timeline | None = None

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="waiting", id="display-switcher"):
            with Vertical(id="waiting"):
                yield Static(_("No meeting in progress"), id="waiting-title")
                yield BigText(reserve="00:00", id="waiting-clock")
                yield Static(_("This screen follows the meeting as soon as it starts."),
                             id="waiting-hint")
            with Vertical(id="live"):
                with Horizontal(id="display-header"):
                    yield Static("", id="display-meeting")
                    yield Static("", id="display-times")
                yield Static("", id="display-section")
                yield BigText(reserve="+00:00", id="countdown")
                yield Static("", id="display-note")
                yield Static("", id="display-names")
                yield Static("", id="display-waiting")

    def on_mount(self) -> None:
        self.load_settings()
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    @work(thread=True, exclusive=True, group="display-settings")
    def load_settings(self) -> None:
        settings = self.read_settings()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.settings_loaded, settings)

    def settings_loaded(self, settings: GroupSettings) -> None:
        """The next frame uses them (its warning length); the theme changes at once."""
        self.settings = settings
        if settings.theme in self.app.available_themes:
            self.app.theme = settings.theme

    def poll(self) -> None:
        """Read what the journal added, then recompute the frame from the clock."""
        had_meeting = self.follower.meeting is not None
        if self.follower.poll():
            followed = self.follower.meeting
            if followed is None:
                self.timeline = None
            else:
                if not had_meeting:
                    self.load_settings()  # the warning length may have changed
                # The meeting's time when it last changed, plus the time since on our clock.
                self.timeline = Timeline.resumed(followed.last_t, followed.last_wall,
                                                 self.clock.now(), self.clock.monotonic())
        self.wall = f"{self.clock.now():%H:%M}"
        followed = self.follower.meeting
        if followed is None or self.timeline is None:
            self.view = None
            return
        t = self.timeline.at(self.clock.monotonic())
        self.view = room_view(followed.session, t, self.settings.warning_seconds)

    def watch_wall(self, wall: str) -> None:
        self.query_one("#waiting-clock", BigText).text = wall
        self._show_times()

    def watch_view(self, view: RoomView | None) -> None:
        self.query_one(ContentSwitcher).current = "waiting" if view is None else "live"
        if view is None:
            return
        self.query_one("#display-meeting", Static).update(plain_text(view.meeting))
        self._show_times()
        section = self.query_one("#display-section", Static)
        section.update(plain_text(f"{view.section}  ·  {view.section_left}"
                                  if view.section else ""))
        section.display = view.section is not None
        self.query_one("#countdown", BigText).text = view.countdown
        self.query_one("#display-note", Static).update(plain_text(view.note))
        names = self.query_one("#display-names", Static)
        names.update(plain_text(self._names(view)))
        names.display = bool(view.sharer or view.next_up)
        self.query_one("#display-waiting", Static).update(plain_text(waiting_text(view.waiting,
                                                                             view.next_side)))
        live = self.query_one("#live")
        for state, css_class in STATE_CLASSES.items():
            live.set_class(state is view.state, css_class)

    def _show_times(self) -> None:
        view = self.view
        if view is None:
            return
        # Translators: {elapsed} is how long the meeting has run, e.g. "12:04".
        parts = [self.wall, _("running {elapsed}").format(elapsed=view.elapsed)]
        if view.left:
            parts.append(view.left)
        self.query_one("#display-times", Static).update(plain_text("  ·  ".join(parts)))

    @staticmethod
    def _names(view: RoomView) -> str:
        parts = []
        if view.sharer:
            parts.append(_("Sharing: {name}").format(name=view.sharer))
        if view.next_up:
            # Translators: {title} is "Next" (or the next ones' heading); {names} first names.
            parts.append(_("{title}: {names}").format(title=_(view.next_title),
                                                      names=", ".join(view.next_up)))
        return "     ".join(parts)
