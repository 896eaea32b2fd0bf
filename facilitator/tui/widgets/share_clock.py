"""The big share countdown: normal, warning in the last minute, over time counting up."""

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive, var
from textual.widgets import Digits, Static

from facilitator.core.i18n import _
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.share_timer import TimerState, format_countdown

STATE_CLASSES = {state: f"-{state.value}" for state in TimerState}
# How far into its time a share is; the bell and the cue mark steps forward only.
STEPS = {TimerState.NORMAL: 0, TimerState.WARNING: 1, TimerState.OVER: 2}


class ShareClock(Vertical):
    """Shows the share of `session` at meeting time `now`: the screen moves `now` with the clock
    several times a second, so the value shown is always computed, never counted."""

    DEFAULT_CSS = """
    ShareClock { height: auto; align-horizontal: center; }
    ShareClock Digits { width: 100%; text-align: center; }
    ShareClock #share-state { width: 100%; text-align: center; }
    ShareClock.-warning Digits { color: $warning; }
    ShareClock.-over Digits { color: $error; }
    ShareClock.-over.-flash Digits { color: $error 60%; }
    ShareClock.-over #share-state { color: $error; text-style: bold; }
    ShareClock.-paused Digits { color: $text-muted; }
    ShareClock.-idle Digits { color: $text-muted; }
    ShareClock.-last-over #share-state { color: $error; }
    """

    session: reactive[MeetingSession | None] = reactive(None)
    now: var[float] = var(0.0)  # its watcher updates the parts; nothing to repaint here

    def __init__(self, warning_seconds: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.warning_seconds = warning_seconds
        self.last_state: TimerState | None = None

    def compose(self) -> ComposeResult:
        yield Digits("5:00", id="share-digits")
        yield Static("", id="share-state")

    def watch_session(self) -> None:
        self.redraw()

    def watch_now(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        session = self.session
        if session is None or not self.is_mounted:
            return
        timer = session.timer
        t = self.now
        last = session.last_share
        if timer is None:
            state, text = None, format_countdown(session.share_seconds)
            # The share just ended stays in sight (its length, and whether it ran over)
            # until the next one starts.
            note = last.describe() if last else _("next share")
        else:
            state = timer.state(t, self.warning_seconds)
            text = timer.display(t)
            note = {TimerState.NORMAL: "", TimerState.WARNING: _("one minute left"),
                    TimerState.OVER: _("please wrap up"), TimerState.PAUSED: _("paused")}[state]
            if state is TimerState.WARNING and self.warning_seconds != 60:
                # Translators: under the share clock, {time} is what is left of the share.
                note = _("{time} left").format(time=format_countdown(timer.remaining(t)))
        self.query_one(Digits).update(text)
        self.query_one("#share-state", Static).update(note)
        for candidate, css_class in STATE_CLASSES.items():
            self.set_class(candidate is state, css_class)
        self.set_class(state is None, "-idle")
        self.set_class(state is None and last is not None and last.over, "-last-over")
        self.set_class(state is TimerState.OVER and int(t) % 2 == 1, "-flash")
        self.announce(state, session.bell)

    def announce(self, state: TimerState | None, bell: bool) -> None:
        """Ring (when the bell is on) as a share reaches its warning and its end; cue at time.

        Only a step forward counts: resuming from a pause, or a minute added, is no new moment;
        a stall that skips the warning still gives the cue at time.
        """
        if state is TimerState.PAUSED:
            return
        before, self.last_state = self.last_state, state
        if before is None or state is None or STEPS[state] <= STEPS[before]:
            return
        if bell and state in {TimerState.WARNING, TimerState.OVER}:
            self.app.bell()
        if state is TimerState.OVER:
            self.notify(_("Time: please wrap up."), timeout=4)
