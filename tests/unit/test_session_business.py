"""The business floor held by the meeting session: each step a typed action, refused steps
leave the session as it was, undo steps back, and a journal replays the floor exactly."""

from datetime import datetime

import orjson
import pytest

from facilitator.core.business.motion import Motion
from facilitator.core.errors import ValidationError
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory, replay
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings

STARTED = datetime(2024, 3, 5, 19, 0)
PEOPLE = [a.SignIn(name=name) for name in ("Ann", "Bo", "Cy", "Dee", "Eve")]


def fresh() -> SessionHistory:
    meeting = Meeting(name="Group Conscience")
    return SessionHistory(start(start_action(meeting, STARTED.date(), STARTED, "USD")))


def run(*steps: a.Action, history: SessionHistory | None = None) -> SessionHistory:
    history = history or fresh()
    for t, action in enumerate(steps):
        history = history.do(action, float(t))
    return history


def test_a_motion_carried_after_a_timed_typed_discussion():
    history = run(*PEOPLE, a.BusinessOpen(discussion_seconds=180),
                  a.MotionMove("Buy 50 chips", "two-thirds"), a.DiscussionAdd("point", "Ann"),
                  a.DiscussionAdd("order"), a.DiscussionNext())
    business = history.present.business
    assert business.floor.queue.current.type == "order"
    assert (business.timer.planned_seconds, business.timer.running_since) == (180, 9.0)
    history = run(a.MotionVote(4, 1), a.MotionDecide(), history=history)
    business = history.present.business
    motion = business.floor.minutes.find_motion("Buy 50 chips")
    assert (motion.outcome, motion.threshold, business.floor.motion, business.timer) == (
        "carried", "two-thirds", None, None)
    assert business.floor.minutes.attendance == 5


@pytest.mark.parametrize(("steps", "field"), [
    ((a.MotionMove("Buy chips"),), "business"),                       # floor not open
    ((a.BusinessOpen(), a.BusinessOpen()), "business"),               # opened twice
    ((a.BusinessOpen(discussion_seconds=30),), "discussion length"),  # under a minute
    ((a.BusinessOpen(), a.MotionVote(1, 0)), "motion"),               # nothing on the floor
    ((a.BusinessOpen(), a.MotionMove("Buy chips"), a.MotionVote(5, 1)), "votes"),  # 6 > 5
    ((a.BusinessOpen(), a.MotionMove("Buy chips"), a.MotionDecide()), "motion"),
    ((a.BusinessOpen(), a.MotionMove("Buy chips"), a.MotionVote(5, 0), a.MotionMinority()),
     "motion"),                                                       # unanimous: no minority
    ((a.BusinessOpen(), a.MotionMove("Buy\u202echips")), "motion"),   # bidi refused
    ((a.BusinessOpen(), a.MotionMove("Buy chips"), a.DiscussionAdd("shout")), "type"),
    ((a.BusinessOpen(), a.MotionMove("Buy chips"), a.DiscussionNext()), "queue"),
    ((a.BusinessOpen(), a.MotionFromTable(1)), "tabled motion"),
    ((a.BusinessOpen(tabled=({"text": "x", "history": [{"step": "moved"}]},)),), "tabled"),
])
def test_a_step_that_cannot_apply_is_refused_and_changes_nothing(steps, field):
    history = run(*PEOPLE)
    with pytest.raises(ValidationError) as refused:
        run(*steps, history=history)
    assert refused.value.field == field


def test_failed_minority_heard_reconsidered_and_carried_keeps_every_vote():
    history = run(*PEOPLE[:4], a.BusinessOpen(), a.MotionMove("Meet on Thursdays", "two-thirds"),
                  a.MotionVote(2, 2), a.MotionMinority(), a.DiscussionAdd("point"),
                  a.DiscussionNext(), a.MotionReconsider(), a.MotionVote(3, 1), a.MotionDecide())
    motion = history.present.business.floor.minutes.find_motion("Meet on Thursdays")
    assert [(v.for_, v.against, v.result) for v in motion.votes] == [
        (2, 2, "failed"), (3, 1, "carried")]
    assert motion.outcome == "carried"


def test_a_tabled_motion_from_an_earlier_meeting_is_taken_up_and_withdrawn():
    tabled = Motion.move("Buy a coffee urn").table()
    history = run(*PEOPLE, a.BusinessOpen(tabled=(tabled.to_dict(),)), a.MotionFromTable(1),
                  a.MotionWithdraw(), a.MotionMove("Buy chips"), a.MotionTable())
    floor = history.present.business.floor
    assert floor.tabled == ()
    assert [(m.text, m.outcome) for m in floor.minutes.motions] == [
        ("Buy a coffee urn", "withdrawn"), ("Buy chips", "tabled")]


def test_undo_takes_back_a_vote():
    history = run(*PEOPLE, a.BusinessOpen(), a.MotionMove("Buy chips"), a.MotionVote(3, 1))
    history = history.do(a.Undo(), 9.0)
    motion = history.present.business.floor.motion
    assert (motion.stage, motion.votes) == ("discussion", ())


def test_a_journal_replays_the_floor_mid_vote():
    """The journal's lines (as JSON) rebuild the same floor: a kill mid-vote loses nothing."""
    steps = (*PEOPLE, a.BusinessOpen(), a.MotionMove("Buy chips", "unanimous", False),
             a.DiscussionAdd("point", "Bo"), a.DiscussionAdd("reply", answers=1),
             a.DiscussionAdd("question"), a.DiscussionNext(), a.MotionVote(3, 1, 1),
             a.MotionMinority(), a.DiscussionAdd("point"))
    live = run(*steps).present
    first = start_action(Meeting(name="Group Conscience"), STARTED.date(), STARTED, "USD")
    lines = [{"n": 0, "t": 0.0, "a": first.to_json()}] + [
        {"n": n, "t": float(n - 1), "a": orjson.loads(orjson.dumps(step.to_json()))}
        for n, step in enumerate(steps, 1)]
    replayed = replay(lines)
    assert replayed.skipped == 0
    assert replayed.history.present.business == live.business
    assert live.business.floor.motion.stage == "minority opinion"


@pytest.mark.parametrize(("stored", "expected"), [
    ([], "majority"),                                   # the defaults
    ([["ordinary", "unanimous"]], "unanimous"),
    ((("ordinary", "two-thirds"),), "two-thirds"),
])
def test_the_group_sets_a_threshold_per_kind_of_motion(stored, expected):
    settings = GroupSettings.from_dict({"motion_thresholds": stored})
    assert settings.threshold_for("ordinary") == expected
    assert settings.threshold_for("format") == "two-thirds"
    assert GroupSettings.from_dict(settings.to_dict()) == settings


@pytest.mark.parametrize(("changes", "field"), [
    ({"motion_thresholds": [["bylaws", "majority"]]}, "motion kind"),
    ({"motion_thresholds": [["ordinary", "most"]]}, "threshold for ordinary"),
    ({"motion_thresholds": [["ordinary"]]}, "motion thresholds"),
    ({"motion_thresholds": "majority"}, "motion thresholds"),
    ({"discussion_minutes": 0}, "discussion minutes"),
    ({"discussion_minutes": 61}, "discussion minutes"),
    ({"discussion_minutes": True}, "discussion minutes"),
])
def test_business_settings_out_of_range_are_refused(changes, field):
    with pytest.raises(ValidationError) as refused:
        GroupSettings.from_dict(changes)
    assert refused.value.field == field
