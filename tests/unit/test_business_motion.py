"""A motion's life: every step each stage allows, every step it refuses, its stored form."""

import pytest

from facilitator.core.business.motion import Motion
from facilitator.core.errors import ValidationError

TEXT = "Move the meeting to 7 pm from January"


def in_stage(stage: str) -> Motion:
    """A two-thirds motion brought to `stage` by allowed steps (a split vote first)."""
    motion = Motion.move(TEXT, "two-thirds")
    paths = {
        "discussion": lambda m: m,
        "result": lambda m: m.vote(13, 7, 1),
        "minority opinion": lambda m: m.vote(13, 7).hear_minority(),
        "reconsidering": lambda m: m.vote(13, 7).hear_minority().reconsider(),
        "decided": lambda m: m.vote(14, 6).decide(),
        "tabled": lambda m: m.table(),
        "withdrawn": lambda m: m.withdraw(),
    }
    return paths[stage](motion)


STEPS = {
    "vote": lambda m: m.vote(15, 5),
    "minority": Motion.hear_minority,
    "reconsider": Motion.reconsider,
    "decided": Motion.decide,
    "tabled": Motion.table,
    "withdrawn": Motion.withdraw,
    "resumed": Motion.resume,
}
ALLOWED = {
    "discussion": {"vote": "result", "tabled": "tabled", "withdrawn": "withdrawn"},
    "result": {"minority": "minority opinion", "decided": "decided"},
    "minority opinion": {"reconsider": "reconsidering", "decided": "decided"},
    "reconsidering": {"vote": "result", "tabled": "tabled", "withdrawn": "withdrawn"},
    "decided": {},
    "tabled": {"resumed": "discussion"},
    "withdrawn": {},
}


@pytest.mark.parametrize("stage", list(ALLOWED))
@pytest.mark.parametrize("step", list(STEPS))
def test_every_step_from_every_stage(stage, step):
    motion = in_stage(stage)
    assert motion.stage == stage
    if step in ALLOWED[stage]:
        after = STEPS[step](motion)
        assert after.stage == ALLOWED[stage][step]
        assert after.history[:-1] == motion.history
        assert after.history[-1].kind == step
        assert Motion.from_dict(after.to_dict()) == after
    else:
        with pytest.raises(ValidationError, match="^motion: "):
            STEPS[step](motion)


def test_no_minority_after_a_unanimous_vote():
    for motion in (Motion.move(TEXT).vote(9, 0, 3), Motion.move(TEXT).vote(0, 9)):
        assert not motion.offers_minority
        with pytest.raises(ValidationError, match="unanimous: there is no minority"):
            motion.hear_minority()
        assert motion.decide().stage == "decided"


def test_all_votes_kept_and_the_last_decides():
    motion = (Motion.move(TEXT, "two-thirds").vote(13, 7).hear_minority().reconsider()
              .vote(16, 4, 2).decide())
    assert [(v.for_, v.against, v.abstain) for v in motion.votes] == [(13, 7, 0), (16, 4, 2)]
    assert [v.carried for v in motion.votes] == [False, True]
    assert motion.outcome == "carried"
    reversed_ = Motion.move(TEXT).vote(12, 8).hear_minority().reconsider().vote(8, 12).decide()
    assert reversed_.outcome == "failed"


def test_a_vote_takes_the_motion_threshold_unless_given():
    motion = Motion.move(TEXT, "unanimous").vote(9, 1)
    assert motion.deciding_vote.threshold == "unanimous" and not motion.deciding_vote.carried
    assert Motion.move(TEXT).vote(9, 1, threshold="two-thirds").deciding_vote.threshold == (
        "two-thirds")


def test_a_tabled_motion_taken_up_keeps_its_history():
    motion = Motion.move(TEXT).table().resume().vote(10, 2).decide()
    assert [s.kind for s in motion.history] == ["moved", "tabled", "resumed", "vote", "decided"]


@pytest.mark.parametrize("text, message", [
    ("", "motion: cannot be empty"),
    ("Buy books\x1b[2J", "motion: cannot contain control characters"),
    ("Buy \u202ebooks", "motion: cannot contain control characters"),
    ("Buy\nbooks", "motion: cannot contain control characters"),
    ("x" * 501, "motion: is 501 characters long; the limit is 500"),
    (None, "motion: must be text"),
])
def test_hostile_motion_text_refused(text, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(")):
        Motion.move(text)


@pytest.mark.parametrize("history, message", [
    ([], "must be a list of steps"),
    ("moved", "must be a list of steps"),
    ([{"step": "vote", "vote": {"for": 1, "against": 0, "threshold": "majority"}}],
     "must start with the motion moved"),
    ([{"step": "moved"}, {"step": "decided"}], "cannot go from discussion to decided"),
    ([{"step": "moved"}, {"step": "vote"}], "vote: is not an object"),
    ([{"step": "moved"}, {"step": "tabled", "vote": {"for": 1, "against": 0,
                                                     "threshold": "majority"}}],
     "a step has the wrong shape"),
    ([{"step": "moved"}, {"step": "vote", "vote": {"for": 4, "against": 0,
                                                   "threshold": "majority"}},
      {"step": "minority"}], "cannot go from result to minority"),
    ([{"step": "moved"}, {"step": "seconded"}], "'seconded' is not a step"),
    ([{"step": "moved"}, 7], "each step must be an object"),
    ([{"step": "moved"}] + [{"step": "tabled"}, {"step": "resumed"}] * 60, "more than 100"),
])
def test_a_damaged_stored_history_is_refused(history, message):
    with pytest.raises(ValidationError, match=message):
        Motion.from_dict({"text": TEXT, "history": history})
