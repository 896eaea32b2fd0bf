"""The business floor: motions taken through their life with the minutes kept current, and
every step replayed from its journalled name and fields to the same floor."""

from datetime import date

import orjson
import pytest

from facilitator.core.business.floor import ACTIONS, BusinessFloor, apply
from facilitator.core.business.motion import Motion
from facilitator.core.errors import ValidationError

DAY = date(2026, 11, 3)
BOOKS = Motion.move("Buy new books").table()

# A whole business meeting as the journal would hold it.
STEPS = [
    ("business_report", {"section": "Treasurer's report", "text": "$120 in, $80 rent"}),
    ("motion_from_table", {"number": 1}),
    ("discussion_add", {"type": "point", "label": "Ana"}),
    ("motion_vote", {"for_": 9, "against": 0}),
    ("motion_decide", {}),
    ("motion_move", {"text": "Move the meeting to 7 pm", "threshold": "two-thirds"}),
    ("discussion_add", {"type": "point", "label": "Bo"}),
    ("discussion_add", {"type": "order", "label": "Cy"}),
    ("discussion_next", {}),
    ("motion_vote", {"for_": 13, "against": 7, "abstain": 1}),
    ("motion_minority", {}),
    ("discussion_add", {"type": "point", "label": "Di"}),
    ("motion_reconsider", {}),
    ("motion_vote", {"for_": 15, "against": 5}),
    ("motion_decide", {}),
    ("motion_move", {"text": "Hold a workshop"}),
    ("motion_withdraw", {}),
]


def replay(steps, floor=None) -> BusinessFloor:
    floor = floor or BusinessFloor.open("Tuesday Night", DAY, (BOOKS,), attendance=22)
    for action, fields in steps:
        floor = apply(floor, action, fields)
        # the journal's snapshot reads back to the same floor at every step
        assert BusinessFloor.from_dict(orjson.loads(orjson.dumps(floor.to_dict()))) == floor
    return floor


def test_a_whole_business_meeting():
    floor = replay(STEPS)
    assert floor.motion is None and floor.tabled == ()
    outcomes = [(m.text, m.outcome) for m in floor.minutes.motions]
    assert outcomes == [("Buy new books", "carried"), ("Move the meeting to 7 pm", "carried"),
                        ("Hold a workshop", "withdrawn")]
    hours = floor.minutes.motions[1]
    assert [v.for_ for v in hours.votes] == [13, 15]
    assert floor.minutes.reports[0].text == "$120 in, $80 rent"
    assert "Ana" not in orjson.dumps(floor.minutes.to_dict()).decode()  # no name in minutes


def test_the_minutes_hold_a_motion_still_open_and_the_queue_resets_per_stage():
    floor = replay(STEPS[5:10])
    assert floor.motion.stage == "result"
    assert floor.minutes.motions[0].stage == "result"
    assert [e.label for e in floor.queue.waiting] == ["Bo"]
    assert floor.hear_minority().queue.waiting == ()


@pytest.mark.parametrize("steps, message", [
    ([("motion_vote", {"for_": 1, "against": 0})], "motion: there is no motion on the floor"),
    ([("motion_move", {"text": "A"}), ("motion_move", {"text": "B"})],
     "motion: 'A' is still on the floor \\(discussion\\)"),
    ([("motion_from_table", {"number": 2})], "there is no tabled motion 2"),
    ([("motion_move", {"text": "A"}), ("motion_vote", {"for_": 20, "against": 3})],
     "votes: 23 hands .* more than the attendance \\(22\\)"),
    ([("motion_move", {"text": "A"}), ("motion_withdraw", {}), ("motion_move", {"text": "a"})],
     "motion: is already in this meeting's minutes"),
    ([("discussion_add", {"type": "point"})], "there is no motion on the floor"),
    ([("motion_speak", {})], "action: 'motion_speak' is not a business action"),
    ([("motion_move", {"text": "A", "mover": "Ana"})], "motion_move: has no field 'mover'"),
])
def test_impossible_steps_refused(steps, message):
    with pytest.raises(ValidationError, match=message):
        replay(steps)


def test_nobody_signed_in_warns_before_a_vote_and_does_not_refuse():
    floor = BusinessFloor.open("Tuesday Night", DAY).move("A")
    assert floor.vote_warning(30, 2).startswith("nobody signed in: 32 hands")
    assert floor.vote(30, 2).motion.deciding_vote.hands == 32
    assert floor.attendance(20).vote_warning(10, 2) is None


def test_every_action_has_a_step():
    assert set(ACTIONS) == {action for action, _ in STEPS} | {
        "motion_table", "discussion_remove"}
    floor = replay([("motion_move", {"text": "A"}), ("discussion_add", {"type": "point"}),
                    ("discussion_remove", {"entry": 1}), ("motion_table", {})])
    assert floor.minutes.motions[0].stage == "tabled" and floor.motion is None
