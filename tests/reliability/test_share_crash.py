"""A share in progress when the app dies resumes with the time the app was down counted.

That time really passed in the room: the person kept talking while the laptop restarted.
"""

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from facilitator.core.meeting import actions as a
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.core.meeting.share_timer import TimerState
from facilitator.store.live_meeting import LiveMeeting, find_left_behind
from facilitator.store.paths import journal_path

MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)


class RoomClock:
    """Wall time and a monotonic reading that move together, as in the room.

    `restart` is what a new process sees: the same wall time, an unrelated monotonic
    reading (after a reboot it starts again near zero).
    """

    def __init__(self, wall: datetime, monotonic: float) -> None:
        self._wall = wall
        self._monotonic = monotonic

    def monotonic(self) -> float:
        return self._monotonic

    def now(self) -> datetime:
        return self._wall.replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
        self._monotonic += seconds

    def restart(self, monotonic: float) -> None:
        self._monotonic = monotonic


@pytest.fixture
def path(data_dir: Path) -> Path:
    return journal_path(data_dir / "facilitator.json")


def crash(live: LiveMeeting) -> None:
    """The process dies: nothing more is written; the kernel closes its files."""
    live.journal.close()


def start_sharing(path: Path, clock: RoomClock) -> LiveMeeting:
    live = LiveMeeting.begin(path, MEETING, GroupSettings(), clock)
    for action in (a.SignIn(name="Ann"), a.SignIn(name="Bo"),
                   a.QueueRound(), a.ShareStart()):
        live.do(action)
    return live


def resumed_after(path: Path, clock: RoomClock, down: float, monotonic: float) -> LiveMeeting:
    clock.advance(down)
    left = find_left_behind(path)
    assert left is not None and left.session.timer is not None
    clock.restart(monotonic)
    return LiveMeeting.resume(left, clock)


@pytest.mark.parametrize(
    ("ran", "down", "elapsed", "state"),
    [
        (100, 0, 100, TimerState.NORMAL),      # restarted at once
        (100, 90, 190, TimerState.WARNING),    # the last minute passed while it was down
        (100, 140, 240, TimerState.OVER),      # exactly at time
        (30, 3600, 3630, TimerState.OVER),     # down for an hour: the share is long over
    ],
)
def test_a_share_in_progress_resumes_with_the_downtime_counted(path, ran, down, elapsed, state):
    clock = RoomClock(datetime(2024, 3, 5, 19, 0, 0), monotonic=5000.0)
    live = start_sharing(path, clock)
    clock.advance(ran)
    assert live.session.timer.elapsed(live.now()) == ran
    crash(live)
    del live

    live = resumed_after(path, clock, down, monotonic=12.0)
    timer = live.session.timer
    assert timer.elapsed(live.now()) == pytest.approx(elapsed)
    assert timer.state(live.now()) is state
    assert live.session.queue.sharing.label == "Ann"
    assert [p.label for p in live.session.queue.waiting] == ["Bo"]
    clock.advance(5)
    assert timer.elapsed(live.now()) == pytest.approx(elapsed + 5)
    session = live.do(a.ShareEnd())
    assert (session.stats.shares, session.stats.share_seconds, session.stats.over_time) == (
        1, elapsed + 5, int(elapsed + 5 >= 240))
    live.journal.close()


def test_a_paused_share_stays_paused_while_the_app_is_down(path):
    clock = RoomClock(datetime(2024, 3, 5, 19, 0, 0), monotonic=5000.0)
    live = start_sharing(path, clock)
    clock.advance(70)
    live.do(a.SharePause())
    crash(live)

    live = resumed_after(path, clock, 600, monotonic=3.0)
    assert live.session.timer.paused
    assert live.session.timer.elapsed(live.now()) == 70
    live.do(a.SharePause())  # resumed by the facilitator
    clock.advance(20)
    assert live.session.timer.elapsed(live.now()) == pytest.approx(90)
    live.journal.close()


def test_two_crashes_in_one_share_count_all_the_time_that_passed(path):
    clock = RoomClock(datetime(2024, 3, 5, 19, 0, 0), monotonic=5000.0)
    live = start_sharing(path, clock)
    clock.advance(40)
    crash(live)
    live = resumed_after(path, clock, 25, monotonic=1.0)
    clock.advance(15)
    live.do(a.ShareAdjust(delta=60))  # the facilitator gives a minute more
    clock.advance(10)
    crash(live)
    live = resumed_after(path, clock, 30, monotonic=99999.0)
    timer = live.session.timer
    assert timer.elapsed(live.now()) == pytest.approx(40 + 25 + 15 + 10 + 30)
    assert timer.planned_seconds == 300
    # Meeting time itself counts the downtime too: the header and the suggestion agree.
    assert live.now() == pytest.approx(120)
    live.journal.close()


def test_the_real_app_killed_during_a_share_resumes_it_with_the_downtime(tmp_path):
    """One real SIGKILL on a pseudo-terminal; the share's seconds include the time it was down."""
    import signal
    import time

    from tests.reliability.test_app_kill import Terminal, entries, wait_entries, wait_until

    from facilitator.store.database import Database

    db = tmp_path / "data" / "facilitator.json"
    with Database.open(db) as database:
        database.add_meeting(MEETING)
    live_journal = journal_path(db)
    first = Terminal(db)
    try:
        first.wait_for_text("Which meeting are we running?")
        time.sleep(1.0)  # the start screen's own check for a meeting left behind comes first
        first.send("\r")
        wait_entries(live_journal, 1)
        first.wait_for_text("7th tradition")
        first.send("Ann\x1bOQ")  # F2: Ann signs in
        wait_entries(live_journal, 2)
        first.send("Ann\x12")  # ctrl+r: Ann joins the queue
        wait_entries(live_journal, 3)
        first.send("\x0e")  # ctrl+n: Ann starts sharing
        wait_entries(live_journal, 4)
        started = time.monotonic()
        assert entries(live_journal)[-1]["a"]["type"] == "share_start"
        time.sleep(0.5)
        first.process.send_signal(signal.SIGKILL)
        assert first.wait_exit() == -signal.SIGKILL
    finally:
        first.close()
    time.sleep(2.0)  # the laptop is restarting; Ann goes on talking

    second = Terminal(db)
    try:
        second.wait_for_text("A meeting in progress was left behind.")
        second.send("r")
        wait_until(lambda: entries(live_journal)[-1]["a"]["type"] == "resumed", "the resume")
        second.wait_for_text("sharing Ann")
        second.send("\x05")  # ctrl+e: the share ends
        wait_until(lambda: entries(live_journal)[-1]["a"]["type"] == "share_end", "the end")
        ended = time.monotonic()
        second.process.send_signal(signal.SIGTERM)
        assert second.wait_exit() == 0
    finally:
        second.close()

    stats = find_left_behind(live_journal).session.stats
    # Journal wall times are whole seconds: the downtime is known to within one second.
    assert stats.shares == 1
    assert abs(stats.share_seconds - (ended - started)) <= 1.5
    assert stats.share_seconds >= 2  # without the downtime it would be well under a second
