"""The suggested share length: it never rewrites a share in progress and is stable once applied."""

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.meeting import actions as a
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory
from facilitator.core.meeting.session_shares import suggestion, suggestion_explained
from facilitator.core.schedule.meeting import Meeting

STARTED = datetime(2024, 3, 5, 19, 0)
RESERVE = 300


def meeting_with(names: int, minutes: int | None = 60) -> SessionHistory:
    """A meeting of `minutes` with `names` people signed in and queued at t=0."""
    meeting = Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=minutes)
    history = SessionHistory(start(start_action(meeting, STARTED.date(), STARTED, "USD")))
    for number in range(names):
        history = history.do(a.SignIn(f"P{number}"), 0.0)
    return history.do(a.QueueRound(), 0.0)


@pytest.mark.parametrize(
    ("steps", "t", "expected_stats", "expected_suggestion", "explained"),
    [
        # Nobody sharing: (3600 - 1200 - 300) / 3 = 11:40, so 11 minutes.
        ([], 1200, (0, 0), 660, "3 waiting, 40 min left, 5 min closing"),
        # P0 shares from 1200 for 5 minutes: (2400 - 60 - 240 - 300) / 2 = 15:00.
        ([(a.ShareStart(), 1200)], 1260, (1, 0), 900,
         "2 waiting, 35 min left after this share, 5 min closing"),
        # P0 is 2 minutes over: the share counts over time even after s during it;
        # (3600 - 1620 - 300) / 2 = 14 minutes.
        ([(a.ShareStart(), 1200), (a.ShareLength(900), 1620)], 1620, (1, 1), 840,
         "2 waiting, 33 min left after this share, 5 min closing"),
    ],
)
def test_the_suggestion_and_its_reasons(steps, t, expected_stats, expected_suggestion,
                                        explained):
    history = meeting_with(3)
    for action, at in steps:
        history = history.do(action, float(at))
    session = history.present
    assert suggestion(session, t, RESERVE) == expected_suggestion
    assert suggestion_explained(session, t, RESERVE) == explained
    if session.timer is not None:
        ended = history.do(a.ShareEnd(), float(t)).present
        assert (ended.stats.shares, ended.stats.over_time) == expected_stats


def test_applying_the_suggestion_during_an_over_time_share_keeps_it_over_time():
    """The bug seen: `s` while a share ran over erased the over-time from the summary."""
    history = meeting_with(3).do(a.ShareStart(), 0.0)
    over = 5 * 60 + 90
    assert history.present.timer.is_over(over)
    history = history.do(a.ShareLength(20 * 60), float(over))
    assert history.present.timer.planned_seconds == 300
    assert history.present.timer.is_over(over)
    assert history.present.share_seconds == 20 * 60  # the next shares take it


def test_no_reasons_without_an_end_or_anyone_waiting():
    assert suggestion_explained(meeting_with(0).present, 0, RESERVE) == ""
    no_end = meeting_with(2, minutes=None).present
    assert suggestion(no_end, 0, RESERVE) is None
    assert suggestion_explained(no_end, 0, RESERVE) == ""


@settings(max_examples=60, deadline=None)
@given(people=st.integers(1, 12), started=st.integers(0, 3000),
       sharing=st.booleans(), into_share=st.integers(0, 1200))
def test_applying_the_suggestion_then_asking_again_gives_the_same_figure(
        people, started, sharing, into_share):
    history = meeting_with(people)
    t = float(started)
    if sharing:
        history = history.do(a.ShareStart(), t)
        t += into_share
    first = suggestion(history.present, t, RESERVE)
    assert first is not None or (sharing and people == 1)
    if first is None:
        return
    timer_before = history.present.timer
    history = history.do(a.ShareLength(first), t)
    assert suggestion(history.present, t, RESERVE) == first
    assert history.present.timer == timer_before  # the share in progress is untouched
