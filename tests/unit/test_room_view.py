"""What the room display shows: share states, section, counts; names only when turned on."""

from datetime import datetime

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting.room_view import RoomState, duration_text, room_view
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory

STARTED = datetime(2024, 3, 5, 19, 0)
AGENDA = [{"title": "Readings", "minutes": 5},
          {"title": "Shares", "minutes": 40, "kind": "shares"}]


def session_after(steps, meeting=None):
    """Apply (t, action) steps to a new meeting of 5-minute shares."""
    meeting = meeting or Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=60)
    history = SessionHistory(start(start_action(meeting, STARTED.date(), STARTED, "USD")))
    for t, data in steps:
        history = history.do(data, t)
    return history.present


PEOPLE = [(0, a.SignIn(name=name)) for name in ("Ann", "Bo", "Cy", "Di", "Ed")]
QUEUED = PEOPLE + [(0, a.QueueAttendee(id=n)) for n in range(1, 6)]


@pytest.mark.parametrize("steps,t,state,countdown,note", [
    ([], 0, RoomState.BETWEEN, "5:00", "between shares"),
    ([(0, a.ShareStart())], 0, RoomState.NORMAL, "5:00", ""),
    ([(0, a.ShareStart())], 0.5, RoomState.NORMAL, "5:00", ""),
    ([(0, a.ShareStart())], 240, RoomState.WARNING, "1:00", "one minute left"),
    ([(0, a.ShareStart())], 299.5, RoomState.WARNING, "0:01", "one minute left"),
    ([(0, a.ShareStart())], 300, RoomState.OVER, "+0:00", "please wrap up"),
    ([(0, a.ShareStart())], 323, RoomState.OVER, "+0:23", "please wrap up"),
    ([(0, a.ShareStart()), (20, a.SharePause())], 500, RoomState.PAUSED,
     "4:40", "paused"),
    ([(0, a.ShareStart()), (20, a.ShareEnd())], 500, RoomState.BETWEEN,
     "5:00", "between shares"),
    ([(0, a.ShareAdjust(delta=60))], 9, RoomState.BETWEEN, "6:00", "between shares"),
])
def test_share_states(steps, t, state, countdown, note):
    view = room_view(session_after(steps), t)
    assert (view.state, view.countdown, view.note) == (state, countdown, note)


def test_the_group_warning_length_is_used():
    session = session_after([(0, a.ShareStart())])
    assert room_view(session, 200, warning_seconds=90).state is RoomState.NORMAL
    view = room_view(session, 215, warning_seconds=90)
    assert (view.state, view.note) == (RoomState.WARNING, "1:25 left")


def test_names_are_hidden_unless_turned_on():
    steps = QUEUED + [(1, a.ShareStart())]
    hidden = room_view(session_after(steps), 10)
    assert (hidden.sharer, hidden.next_up, hidden.waiting) == (None, (), 4)
    shown = room_view(session_after(steps + [(2, a.DisplayNames(on=True))]), 10)
    assert (shown.sharer, shown.next_up, shown.waiting) == ("Ann", ("Bo", "Cy", "Di"), 4)
    assert shown.next_title == "Next"


def test_between_shares_nobody_is_named_as_sharing():
    steps = QUEUED + [(1, a.ShareStart()), (2, a.ShareEnd()),
                      (3, a.DisplayNames(on=True))]
    view = room_view(session_after(steps), 10)
    assert view.sharer is None and view.next_up == ("Bo", "Cy", "Di")


def test_popcorn_lists_those_waiting_without_an_order():
    steps = QUEUED + [(1, a.QueueMode(mode="popcorn")),
                      (2, a.DisplayNames(on=True))]
    assert room_view(session_after(steps), 10).next_title == "Waiting"


def test_section_and_meeting_times():
    meeting = Meeting(name="Tuesday Night", duration_minutes=60, agenda=AGENDA)
    view = room_view(session_after([], meeting), 65)
    assert (view.section, view.section_left) == ("Readings", "3:55 left")
    assert (view.elapsed, view.left) == ("1:05", "58:55 left")
    late = room_view(session_after([], meeting), 3725)
    assert (late.section_left, late.left) == ("over by 57:05", "over by 2:05")
    done = room_view(session_after([(1, a.SectionNext()), (2, a.SectionNext())],
                                   meeting), 10)
    assert (done.section, done.section_left) == (None, None)


def test_without_format_or_end():
    view = room_view(session_after([], Meeting(name="Open")), 30)
    assert (view.section, view.left, view.elapsed) == (None, None, "0:30")


@pytest.mark.parametrize("seconds,text", [(0, "0:00"), (59.9, "0:59"), (65, "1:05"),
                                          (3600, "1:00:00"), (3909, "1:05:09"), (-3, "0:00")])
def test_duration_text(seconds, text):
    assert duration_text(seconds) == text
