"""The share timer on a fake clock and a real one, share statistics, the suggested length."""

import json
import random
from datetime import datetime

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.errors import ValidationError
from facilitator.core.meeting.share_timer import (
    MAX_PLANNED_SECONDS,
    ShareStats,
    ShareTimer,
    TimerState,
    format_countdown,
)
from facilitator.core.meeting.suggest import suggested_share_seconds

START = 5000.0  # a monotonic clock rarely reads 0


@pytest.mark.parametrize(
    ("elapsed", "state", "shown"),
    [
        (0, TimerState.NORMAL, "5:00"),
        (0.5, TimerState.NORMAL, "5:00"),
        (1, TimerState.NORMAL, "4:59"),
        (239, TimerState.NORMAL, "1:01"),
        (239.75, TimerState.NORMAL, "1:01"),
        (240, TimerState.WARNING, "1:00"),
        (241, TimerState.WARNING, "0:59"),
        (299, TimerState.WARNING, "0:01"),
        (299.75, TimerState.WARNING, "0:01"),
        (300, TimerState.OVER, "+0:00"),
        (300.75, TimerState.OVER, "+0:00"),
        (301, TimerState.OVER, "+0:01"),
        (323, TimerState.OVER, "+0:23"),
        (360, TimerState.OVER, "+1:00"),
        (300 + 3600, TimerState.OVER, "+60:00"),
    ],
)
def test_warning_and_over_time_boundaries_to_the_second(elapsed, state, shown):
    """Five minutes, warning in the last minute, over time from the planned length on."""
    timer = ShareTimer(planned_seconds=300).start(START)
    assert timer.state(START + elapsed, warning_seconds=60) == state
    assert timer.display(START + elapsed) == shown
    assert timer.is_over(START + elapsed) == (state == TimerState.OVER)


@pytest.mark.parametrize(
    ("warning", "elapsed", "state"),
    [(30, 269, TimerState.NORMAL), (30, 270, TimerState.WARNING), (120, 179, TimerState.NORMAL),
     (120, 180, TimerState.WARNING), (600, 0, TimerState.WARNING)],
)
def test_warning_threshold_is_a_setting(warning, elapsed, state):
    """The warning begins `warning_seconds` before the end."""
    assert ShareTimer(planned_seconds=300).start(START).state(START + elapsed, warning) == state


def test_pause_stops_the_count_and_resume_continues_it():
    """Time while paused is not part of the share."""
    timer = ShareTimer(planned_seconds=300).start(START).pause(START + 100)
    assert timer.paused and not timer.running
    assert timer.elapsed(START + 1000) == 100
    assert timer.state(START + 1000) == TimerState.PAUSED and timer.display(START + 1000) == "3:20"
    timer = timer.resume(START + 1000)
    assert timer.elapsed(START + 1150) == 250
    assert timer.state(START + 1150) == TimerState.WARNING


def test_paused_over_time_still_shows_the_count_up():
    """A share paused after its end shows how far over it is."""
    timer = ShareTimer(planned_seconds=60).start(START).pause(START + 75)
    assert timer.state(START + 80) == TimerState.PAUSED and timer.display(START + 80) == "+0:15"


def test_a_timer_not_started_shows_the_planned_length():
    """Before the share starts nothing has elapsed."""
    timer = ShareTimer(planned_seconds=3 * 60)
    assert (timer.elapsed(START), timer.display(START), timer.state(START)) == (0, "3:00", TimerState.NORMAL)
    assert not timer.started and not timer.paused and not timer.running


def test_a_clock_reading_before_the_start_never_gives_negative_time():
    """Elapsed is never negative, even for a reading older than the start."""
    timer = ShareTimer().start(START)
    assert timer.elapsed(START - 50) == 0 and timer.pause(START - 50).banked == 0


@pytest.mark.parametrize(
    ("planned", "delta", "result"),
    [(300, 60, 360), (300, -60, 240), (60, -60, 60), (90, -60, 60), (3600, 60, 3600), (3570, 60, 3600)],
)
def test_adjust_stays_within_one_and_sixty_minutes(planned, delta, result):
    """±1 minute keys never take the share below 1 minute or above 60."""
    assert ShareTimer(planned_seconds=planned).adjust(delta).planned_seconds == result


def test_adjust_while_running_moves_the_end():
    """A minute more during the share turns over time back into warning."""
    timer = ShareTimer(planned_seconds=300).start(START)
    assert timer.state(START + 310) == TimerState.OVER
    assert timer.adjust(60).state(START + 310) == TimerState.WARNING
    assert timer.adjust(60).display(START + 310) == "0:50"


@pytest.mark.parametrize("seconds", [59, 3601, 0, -60, 300.0, True, "300"])
def test_with_planned_refuses_lengths_out_of_range(seconds):
    """The suggested or typed length must be whole seconds from 1 to 60 minutes."""
    with pytest.raises(ValidationError) as error:
        ShareTimer().with_planned(seconds)
    assert error.value.field == "share length"


@pytest.mark.parametrize(
    ("timer", "operation"),
    [(ShareTimer(), "pause"), (ShareTimer(), "resume"), (ShareTimer().start(1), "start"),
     (ShareTimer().start(1), "resume"), (ShareTimer().start(1).pause(2), "pause"),
     (ShareTimer().start(1).pause(2), "start")],
)
def test_actions_in_the_wrong_state_are_refused(timer, operation):
    """Pausing a stopped timer or starting twice is a clear error."""
    with pytest.raises(ValidationError) as error:
        getattr(timer, operation)(10)
    assert error.value.field == "timer"


@pytest.mark.parametrize(
    "timer",
    [ShareTimer(), ShareTimer(planned_seconds=420).start(START),
     ShareTimer().start(START + 0.125).pause(START + 99.625).resume(START + 200.5)],
)
def test_timer_snapshot_round_trips_through_json(timer):
    """A timer rebuilt from its JSON snapshot is equal and reads the same."""
    rebuilt = ShareTimer.from_dict(json.loads(json.dumps(timer.to_dict())))
    assert rebuilt == timer and rebuilt.elapsed(START + 500) == timer.elapsed(START + 500)


@pytest.mark.parametrize(
    "data",
    [{"banked": -1}, {"planned_seconds": 30}, {"running_since": 5.0}, {"running_since": "now", "started": True},
     {"banked": float("nan")}, []],
)
def test_broken_timer_snapshots_are_refused(data):
    """A snapshot with negative time or an impossible state never becomes a timer."""
    with pytest.raises(ValidationError):
        ShareTimer.from_dict(data)


def test_ninety_minutes_with_random_stalls_has_zero_drift():
    """Ticks that stall, pauses and resumes: the reading always equals the fake clock's truth."""
    rng = random.Random(20240611)
    now, truth, pauses = START, 0.0, 0
    timer = ShareTimer(planned_seconds=MAX_PLANNED_SECONDS).start(now)
    while now < START + 90 * 60:
        # A tick is due every 0.25 s but the loop may stall for up to 3 s; all readings are
        # multiples of 1/256 s, so the fake clock itself is exact and any error is the timer's.
        stalled = rng.random() < 0.1
        step = 0.25 + (rng.randrange(0, 3 * 256) / 256 if stalled else 0)
        now += step
        if timer.running:
            truth += step
        if timer.running and rng.random() < 0.003:
            timer, pauses = timer.pause(now), pauses + 1
        elif timer.paused and rng.random() < 0.05:
            timer = timer.resume(now)
        assert timer.elapsed(now) == truth
    assert pauses > 10 and 80 * 60 < truth < 90 * 60


def test_a_blocking_stall_and_a_pause_are_read_exactly_from_the_clock():
    """A 0.5 s stall (no tick), a 0.25 s pause, 0.25 s more: 0.75 s (all exact in binary).

    The same reading on the real `time.monotonic` is measured in benchmarks/share_timer.py.
    """
    clock = FakeClock(datetime(2024, 3, 5, 19, 0), monotonic=START)
    timer = ShareTimer(planned_seconds=60).start(clock.monotonic())
    clock.advance(0.5)  # the event loop is blocked: no tick happens
    assert timer.elapsed(clock.monotonic()) == 0.5

    timer = timer.pause(clock.monotonic())
    clock.advance(0.25)
    assert timer.elapsed(clock.monotonic()) == 0.5
    timer = timer.resume(clock.monotonic())
    clock.advance(0.25)
    assert timer.elapsed(clock.monotonic()) == 0.75


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [(300, "5:00"), (299.01, "5:00"), (61, "1:01"), (0.01, "0:01"), (0, "+0:00"), (-0.99, "+0:00"),
     (-59.5, "+0:59"), (-61, "+1:01"), (1800, "30:00")],
)
def test_format_countdown(remaining, shown):
    """Counting down rounds up, counting up rounds down: each shows whole seconds reached."""
    assert format_countdown(remaining) == shown


def test_share_stats_add_up_shares_and_passes():
    """Shares, whole seconds, over-time shares and passes are counted; the old value is kept."""
    stats = ShareStats()
    later = stats.add_share(299.4, over=False).add_share(330.5, over=True).add_pass()
    assert later.to_dict() == {"shares": 2, "share_seconds": 630, "over_time": 1, "passes": 1}
    assert stats == ShareStats() and ShareStats.from_dict(json.loads(json.dumps(later.to_dict()))) == later


@pytest.mark.parametrize("seconds", [-1, float("inf"), float("nan"), "300"])
def test_share_stats_refuse_impossible_lengths(seconds):
    """A share cannot last a negative or endless time."""
    with pytest.raises(ValidationError):
        ShareStats().add_share(seconds, over=False)


@pytest.mark.parametrize(
    ("time_left", "waiting", "reserve", "suggested"),
    [
        (None, 4, 300, None),  # no end time
        (1800, 0, 300, None),  # nobody waits
        (1800, 5, 300, 300),  # 25 minutes for 5 people: 5 minutes each
        (1800, 7, 300, 180),  # 214 s each: floored to 3 minutes
        (1800, 6, 300, 240),  # 250 s each: floored to 4 minutes
        (1799, 5, 300, 240),  # a second short of 5 minutes each
        (600, 10, 300, 60),  # 30 s each is not a share: at least 1 minute
        (100, 3, 300, 60),  # past the reserve already
        (-50, 3, 300, 60),  # past the end
        (4 * 3600, 1, 300, 3600),  # never above the timer's ceiling
        (1200, 4, 0, 300),  # no reserve
    ],
)
def test_suggested_share_length(time_left, waiting, reserve, suggested):
    """(time left - reserve) / waiting, whole minutes, at least one."""
    assert suggested_share_seconds(time_left, waiting, reserve_seconds=reserve) == suggested


def test_suggested_length_applies_to_the_timer():
    """The suggestion is always a length the timer accepts."""
    suggestion = suggested_share_seconds(1800, 7)
    assert ShareTimer().with_planned(suggestion).planned_seconds == 180
