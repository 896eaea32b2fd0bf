"""Each action says what it did, naming the person or the amount; undo and redo name their step."""

from datetime import datetime

import pytest

from facilitator.core.meeting import actions as a
from facilitator.core.meeting.handlers import HANDLERS
from facilitator.core.meeting.notices import DESCRIBE, describe, redone, undone
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory
from facilitator.core.schedule.meeting import Meeting

STARTED = datetime(2024, 3, 5, 19, 0)
MEETING = Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=60,
                  agenda=({"title": "Readings", "minutes": 10},
                          {"title": "Shares", "minutes": 40, "kind": "shares"}))


def room() -> SessionHistory:
    """Zoë and محمد signed in and waiting, at t=0."""
    history = SessionHistory(start(start_action(MEETING, STARTED.date(), STARTED, "USD")))
    for action in (a.SignIn("Zoë"), a.SignIn("محمد"), a.QueueRound()):
        history = history.do(action, 0.0)
    return history


SHARING = [a.ShareStart()]  # Zoë shares from t=0

CASES = [
    ([], a.SignIn("Ann", newcomer=True), "Signed in: Ann (newcomer)"),
    ([], a.SignIn(""), "Signed in: Guest 3"),
    ([], a.Correct(1, "Zoe"), "Corrected: Zoe"),
    ([], a.Remove(2), "Removed: محمد"),
    ([], a.Collection(4725), "7th tradition 47.25"),
    ([], a.SectionNext(), "Section: Shares"),
    ([a.SectionNext()], a.SectionPrevious(), "Section: Readings"),
    ([], a.DisplayNames(True), "First names on the room display"),
    ([a.QueueClear()], a.QueueAttendee(2), "محمد joins the queue"),
    ([], a.QueueName("Bo"), "Bo joins the queue"),
    ([], a.SignInAndQueue("Bo"), "Signed in: Bo, joins the queue"),
    ([a.QueueClear()], a.SignInAndQueue("zoë"), "Zoë joins the queue"),
    ([], a.QueueHand(), "Hand 1 joins the queue"),
    ([a.QueueClear()], a.QueueRound(), "2 join the queue"),
    ([], a.QueueRemove("a2"), "محمد taken off the queue"),
    ([], a.QueueUp("a2"), "محمد moved up"),
    ([], a.QueueDown("a1"), "Zoë moved down"),
    ([], a.QueueTop("a2"), "محمد moved to the top"),
    (SHARING, a.QueuePass("a2"), "محمد passed"),
    ([], a.QueueClear(), "Queue cleared: 2 taken off"),
    ([], a.QueueMode("popcorn"), "Queue: popcorn"),
    ([], a.QueuePriority(False), "Strict order"),
    ([], a.ShareStart(), "Zoë shares"),
    ([a.ShareStart(), a.ShareEnd()], a.QueueReadd(), "Zoë joins the queue"),
    (SHARING, a.ShareEnd(), "Zoë's share ended: 6:30, over time"),
    (SHARING, a.SharePass(), "Zoë passed"),
    (SHARING, a.SharePause(), "Share paused"),
    (SHARING, a.ShareAdjust(60), "+1 min for Zoë: 6 min"),
    ([], a.ShareAdjust(-60), "-1 min: next shares 4 min"),
    ([], a.ShareLength(480), "Shares are now 8 min"),
    ([], a.Bell(True), "Bell on"),
    ([], a.Chip("30d"), "Chip given: 30d"),
]


BUSINESS = Meeting(name="Group conscience", share_minutes=5, duration_minutes=60,
                   agenda=({"title": "GSR report", "minutes": 5, "kind": "report"},
                           {"title": "New business", "minutes": 20, "kind": "business"}))
MOVED = [a.BusinessOpen(), a.MotionMove("Move the meeting to 7 pm")]
TABLED = {"text": "Buy a coffee maker", "seconded": True, "threshold": "majority",
          "outcome": "tabled", "history": [{"step": "moved"}, {"step": "tabled"}]}
BUSINESS_CASES = [
    ([], a.BusinessOpen(), "Business: the floor is open"),
    ([a.BusinessOpen()], a.MotionMove("Move the meeting to 7 pm"),
     "Motion moved: Move the meeting to 7 pm"),
    ([a.BusinessOpen(tabled=(TABLED,))], a.MotionFromTable(1), "Tabled motion 1 taken up"),
    (MOVED, a.MotionVote(2, 0, 0), "Vote: 2 for, 0 against, 0 abstaining"),
    (MOVED + [a.MotionVote(1, 1, 0)], a.MotionMinority(), "The minority may speak"),
    (MOVED + [a.MotionVote(1, 1, 0), a.MotionMinority()], a.MotionReconsider(),
     "Reconsidered: the motion goes to a new vote"),
    (MOVED + [a.MotionVote(2, 0, 0)], a.MotionDecide(), "Motion decided"),
    (MOVED, a.MotionTable(), "Motion tabled"),
    (MOVED, a.MotionWithdraw(), "Motion withdrawn"),
    (MOVED, a.DiscussionAdd("point", label="Bo"), "Bo joins the discussion: new point"),
    (MOVED + [a.DiscussionAdd("point", label="Bo")], a.DiscussionNext(),
     "Next speaker to the motion"),
    (MOVED + [a.DiscussionAdd("point", label="Bo")], a.DiscussionRemove(1),
     "Taken off the discussion queue"),
    ([a.BusinessOpen()], a.BusinessReport("GSR report"), "Report in the minutes: GSR report"),
]


def business_floor() -> SessionHistory:
    """Zoë and Bo signed in, in the business section of a group conscience, at t=0."""
    history = SessionHistory(start(start_action(BUSINESS, STARTED.date(), STARTED, "USD")))
    for action in (a.SignIn("Zoë"), a.SignIn("Bo"), a.SectionNext()):
        history = history.do(action, 0.0)
    return history


@pytest.mark.parametrize(("before", "action", "expected"), BUSINESS_CASES,
                         ids=[case[1].type + str(i) for i, case in enumerate(BUSINESS_CASES)])
def test_each_business_action_says_what_it_did(before, action, expected):
    history = business_floor()
    for step in before:
        history = history.do(step, 0.0)
    after = history.do(action, 60.0)
    assert describe(action, history.present, after.present) == expected


@pytest.mark.parametrize(("before", "action", "expected"), CASES,
                         ids=[case[1].type + str(i) for i, case in enumerate(CASES)])
def test_each_action_says_what_it_did(before, action, expected):
    history = room()
    for step in before:
        history = history.do(step, 0.0)
    after = history.do(action, 390.0)
    assert describe(action, history.present, after.present) == expected


def test_every_handled_action_has_words():
    assert set(HANDLERS) <= set(DESCRIBE)
    assert {type(case[1]) for case in CASES + BUSINESS_CASES} == set(HANDLERS)


def test_undo_and_redo_name_the_step_they_take():
    history = room().do(a.Collection(4725), 5.0).do(a.ShareStart(), 6.0)
    assert undone(history.last_step()) == "Undone: Zoë shares"
    history = history.undo()
    assert undone(history.last_step()) == "Undone: 7th tradition 47.25"
    assert redone(history.next_step()) == "Redone: Zoë shares"
    history = history.undo()
    assert redone(history.next_step()) == "Redone: 7th tradition 47.25"
    history = history.redo()
    assert history.present.collection == 4725
    assert undone(history.last_step()) == "Undone: 7th tradition 47.25"
    assert redone(history.next_step()) == "Redone: Zoë shares"


def test_a_new_action_after_undo_forgets_what_redo_would_name():
    history = room().do(a.Collection(100), 1.0).undo().do(a.Bell(True), 2.0)
    assert history.next_step() is None
    assert undone(history.last_step()) == "Undone: Bell on"
