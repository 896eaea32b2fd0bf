"""Weekly schedules: next occurrences, DST changes, past midnight, the meeting to offer first."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.schedule.schedule import (
    current_occurrence, describe_next, is_scheduled, nearest_first,
    next_occurrence, occurrences,
)

NEW_YORK = ZoneInfo("America/New_York")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def meeting(name="Group", days=(TUE,), at=(19, 0), minutes=60) -> Meeting:
    return Meeting(name=name, days=days, start=time(*at) if at else None,
                   duration_minutes=minutes)


@pytest.mark.parametrize("days, at, now, expected", [
    # 2026-11-24 is a Tuesday.
    ((TUE,), (19, 0), datetime(2026, 11, 24, 18, 59), datetime(2026, 11, 24, 19, 0)),
    ((TUE,), (19, 0), datetime(2026, 11, 24, 19, 0), datetime(2026, 11, 24, 19, 0)),
    ((TUE,), (19, 0), datetime(2026, 11, 24, 19, 1), datetime(2026, 12, 1, 19, 0)),
    ((TUE, THU), (19, 0), datetime(2026, 11, 24, 20, 0), datetime(2026, 11, 26, 19, 0)),
    # Across the week end (Saturday night -> Monday) and the year end.
    ((MON,), (7, 30), datetime(2026, 11, 28, 22, 0), datetime(2026, 11, 30, 7, 30)),
    ((SUN,), (10, 0), datetime(2026, 12, 31, 23, 0), datetime(2027, 1, 3, 10, 0)),
    ((SAT,), (23, 30), datetime(2026, 11, 29, 0, 30), datetime(2026, 12, 5, 23, 30)),
])
def test_next_occurrence(days, at, now, expected):
    """The next start is the first one at or after now, over week and year ends."""
    assert next_occurrence(meeting(days=days, at=at), now) == expected


@pytest.mark.parametrize("days, at", [((), (19, 0)), ((TUE,), None)])
def test_unscheduled_meeting_has_no_occurrence(days, at):
    """Without weekdays or a start time there is nothing to compute."""
    unscheduled = meeting(days=days, at=at)
    assert not is_scheduled(unscheduled)
    assert next_occurrence(unscheduled, datetime(2026, 11, 24, 12)) is None
    assert current_occurrence(unscheduled, datetime(2026, 11, 24, 12)) is None


def test_occurrences_keep_the_wall_time_across_the_march_change():
    """A Saturday 19:00 meeting is at 19:00 local before and after clocks spring forward."""
    starts = list(_take(occurrences(meeting(days=(SAT,)), datetime(2026, 3, 1, tzinfo=NEW_YORK)), 3))
    assert [s.replace(tzinfo=None) for s in starts] == [
        datetime(2026, 3, 7, 19), datetime(2026, 3, 14, 19), datetime(2026, 3, 21, 19)]
    assert [s.utcoffset() for s in starts] == [timedelta(hours=-5), timedelta(hours=-4),
                                              timedelta(hours=-4)]
    # Seven days apart on the calendar, one hour less in elapsed time across the change.
    assert starts[1].astimezone(timezone.utc) - starts[0].astimezone(timezone.utc) == \
        timedelta(days=7, hours=-1)


def test_start_in_the_skipped_hour_moves_to_the_real_time():
    """02:30 does not exist on 2026-03-08 in New York: the meeting starts at 03:30 EDT."""
    early = meeting(days=(SUN,), at=(2, 30))
    start = next_occurrence(early, datetime(2026, 3, 7, 12, tzinfo=NEW_YORK))
    assert (start.replace(tzinfo=None), start.utcoffset()) == (datetime(2026, 3, 8, 3, 30),
                                                               timedelta(hours=-4))


def test_meeting_across_the_november_change_lasts_its_real_length():
    """01:30 on 2026-11-01 happens twice; the meeting starts at the first and lasts 60 minutes."""
    late = meeting(days=(SUN,), at=(1, 30), minutes=60)
    start = next_occurrence(late, datetime(2026, 10, 31, 12, tzinfo=NEW_YORK))
    assert start.replace(tzinfo=None) == datetime(2026, 11, 1, 1, 30)
    assert start.utcoffset() == timedelta(hours=-4)
    # At the second 01:15 (EST, after the change) it is still in progress; at the second
    # 01:45 it has ended, though the wall clock reads later than the start.
    assert current_occurrence(late, datetime(2026, 11, 1, 1, 15, fold=1, tzinfo=NEW_YORK)) == start
    assert current_occurrence(late, datetime(2026, 11, 1, 1, 45, fold=1, tzinfo=NEW_YORK)) is None


def test_spring_forward_meeting_ends_after_its_real_length():
    """A 90-minute meeting from 01:00 on the March change ends at 03:30 wall time."""
    early = meeting(days=(SUN,), at=(1, 0), minutes=90)
    start = next_occurrence(early, datetime(2026, 3, 8, 0, 0, tzinfo=NEW_YORK))
    assert current_occurrence(early, datetime(2026, 3, 8, 3, 20, tzinfo=NEW_YORK)) == start
    assert current_occurrence(early, datetime(2026, 3, 8, 3, 31, tzinfo=NEW_YORK)) is None


@pytest.mark.parametrize("now, in_progress", [
    (datetime(2026, 11, 28, 23, 29), False),
    (datetime(2026, 11, 28, 23, 30), True),
    (datetime(2026, 11, 29, 0, 30), True),   # Sunday, past midnight
    (datetime(2026, 11, 29, 0, 59), True),
    (datetime(2026, 11, 29, 1, 0), False),
])
def test_meeting_past_midnight_is_in_progress_the_next_day(now, in_progress):
    """Saturday 23:30 for 90 minutes still runs at 00:30 on Sunday."""
    late = meeting(days=(SAT,), at=(23, 30), minutes=90)
    expected = datetime(2026, 11, 28, 23, 30) if in_progress else None
    assert current_occurrence(late, now) == expected


def test_nearest_first_order():
    """In progress or starting within the hour first, then the soonest, then unscheduled."""
    now = datetime(2026, 11, 24, 18, 50)  # Tuesday
    soon = meeting("Soon", days=(TUE,), at=(19, 0))
    running = meeting("Running", days=(TUE,), at=(18, 0), minutes=90)
    tomorrow = meeting("Tomorrow", days=(WED,), at=(7, 0))
    later = meeting("Later", days=(TUE,), at=(21, 0))
    ended = meeting("Ended", days=(TUE,), at=(17, 0), minutes=60)
    loose = meeting("Loose", days=(), at=None)
    order = nearest_first([loose, ended, tomorrow, later, running, soon], now)
    assert [m.name for m in order] == ["Soon", "Running", "Later", "Tomorrow", "Ended", "Loose"]


@pytest.mark.parametrize("now, expected", [
    (datetime(2026, 11, 24, 19, 40), "Running"),       # started 40 minutes ago, 60 minutes long
    (datetime(2026, 11, 24, 20, 30), "Later"),         # Running ended; Later at 21:00
    (datetime(2026, 11, 29, 0, 30), "Past midnight"),  # Saturday 23:30 still running on Sunday
    (datetime(2026, 11, 25, 1, 0), "Running"),         # nothing near: the soonest upcoming
])
def test_the_meeting_scheduled_nearest_to_now_comes_first(now, expected):
    """The meeting scheduled nearest to now is offered first."""
    meetings = [meeting("Running", days=(TUE, WED), at=(19, 0), minutes=60),
                meeting("Later", days=(TUE,), at=(21, 0)),
                meeting("Past midnight", days=(SAT,), at=(23, 30), minutes=90),
                meeting("Unscheduled", days=(), at=None)]
    assert nearest_first(meetings, now)[0].name == expected


def test_describe_next():
    """The line `meetings list` shows."""
    group = meeting(days=(TUE,), at=(19, 0), minutes=60)
    assert describe_next(group, datetime(2026, 11, 24, 19, 15)) == "in progress since 19:00"
    assert describe_next(group, datetime(2026, 11, 24, 20, 15)) == "next Tue 2026-12-01 19:00"
    assert describe_next(meeting(days=(), at=None), datetime(2026, 11, 24)) == ""


@given(
    days=st.sets(st.integers(0, 6), min_size=1).map(lambda s: tuple(sorted(s))),
    hour=st.integers(0, 23), minute=st.integers(0, 59),
    now=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
)
def test_next_occurrence_is_the_first_matching_minute(days, hour, minute, now):
    """The next start is on a scheduled weekday at the start time, within 7 days, none missed."""
    group = meeting(days=days, at=(hour, minute))
    start = next_occurrence(group, now)
    assert start.weekday() in days and (start.hour, start.minute) == (hour, minute)
    assert timedelta(0) <= start - now < timedelta(days=7)
    candidates = [now.replace(hour=hour, minute=minute, second=0, microsecond=0)
                  + timedelta(days=n) for n in range(8)]
    assert start == min(c for c in candidates if c >= now and c.weekday() in days)


def _take(iterator, count):
    return [next(iterator) for _ in range(count)]
