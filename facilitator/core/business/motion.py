"""A motion and its life in a business meeting, as a checked value.

    discussion → vote → result → (minority opinion → reconsider → re-vote →) decided
    discussion → tabled (taken up again at a later meeting) | withdrawn

A motion is its text, whether it was moved and seconded (a tick: no mover or seconder is
ever named), the threshold the group set for it, and its history: every step taken, each
vote with its counts. The stage is read from the last step, and every step is a method
returning a new Motion or refusing, with a ValidationError, a step the stage does not allow.
A stored history is replayed through the same methods, so a damaged one cannot be loaded.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from facilitator.core import validate
from facilitator.core.business.votes import Vote, threshold_of
from facilitator.core.business.words import outcome_label
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

TEXT_LIMIT = 500
MAX_STEPS = 100

# What each step leaves the motion waiting for.
STAGE_AFTER = {
    "moved": "discussion",
    "vote": "result",
    "minority": "minority opinion",
    "reconsider": "reconsidering",
    "decided": "decided",
    "tabled": "tabled",
    "withdrawn": "withdrawn",
    "resumed": "discussion",
}
FINAL_STAGES = ("decided", "tabled", "withdrawn")
# The steps each stage allows (the method of each step is named after it).
ALLOWED = {
    "discussion": ("vote", "tabled", "withdrawn"),
    "result": ("minority", "decided"),
    "minority opinion": ("reconsider", "decided"),
    "reconsidering": ("vote", "tabled", "withdrawn"),
    "decided": (),
    "tabled": ("resumed",),
    "withdrawn": (),
}


@dataclass(frozen=True)
class Step:
    """One step in a motion's history; a vote step carries its counts."""

    kind: str
    vote: Vote | None = None

    def to_dict(self) -> dict:
        return {"step": self.kind, **({"vote": self.vote.to_dict()} if self.vote else {})}


@dataclass(frozen=True)
class Motion:
    """A motion in the group's words; `Motion.move(text)` starts one."""

    text: str
    seconded: bool = True
    threshold: str = "majority"
    history: tuple[Step, ...] = field(default=(Step("moved"),))

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "text", validate.text(N_("motion"), self.text, maximum=TEXT_LIMIT,
                                         required=True))
        if not isinstance(self.seconded, bool):
            raise ValidationError(N_("seconded"), _("must be yes or no"))
        set_(self, "threshold", threshold_of(self.threshold))
        set_(self, "history", tuple(self.history))
        _check_history(self.history)

    @classmethod
    def move(cls, text: str, threshold: str = "majority", seconded: bool = True) -> "Motion":
        return cls(text, seconded, threshold)

    # -- reading -------------------------------------------------------------------------

    @property
    def stage(self) -> str:
        return STAGE_AFTER[self.history[-1].kind]

    @property
    def votes(self) -> tuple[Vote, ...]:
        """Every vote taken, in order: all are kept, the last decides."""
        return tuple(step.vote for step in self.history if step.vote is not None)

    @property
    def deciding_vote(self) -> Vote | None:
        return self.votes[-1] if self.votes else None

    @property
    def outcome(self) -> str:
        """'carried' or 'failed' once decided, else the stage ('tabled', 'discussion' …)."""
        if self.stage == "decided":
            return self.deciding_vote.result
        return self.stage

    @property
    def offers_minority(self) -> bool:
        """After a vote that is not unanimous, the minority is invited to speak."""
        return self.stage == "result" and not self.deciding_vote.unanimous

    @property
    def is_final(self) -> bool:
        return self.stage in FINAL_STAGES

    def allows(self, step: str) -> bool:
        return _allowed(self.stage, step, self.deciding_vote)

    # -- steps ---------------------------------------------------------------------------

    def vote(self, for_: int, against: int, abstain: int = 0,
             threshold: str | None = None) -> "Motion":
        """The hands counted; the threshold is the motion's unless given."""
        return self._step("vote", Vote(for_, against, abstain, threshold or self.threshold))

    def hear_minority(self) -> "Motion":
        return self._step("minority")

    def reconsider(self) -> "Motion":
        """A member who voted with the majority moves to reconsider: a new vote follows."""
        return self._step("reconsider")

    def decide(self) -> "Motion":
        return self._step("decided")

    def table(self) -> "Motion":
        return self._step("tabled")

    def withdraw(self) -> "Motion":
        return self._step("withdrawn")

    def resume(self) -> "Motion":
        """A tabled motion taken up again (in a later meeting's old business)."""
        return self._step("resumed")

    def _step(self, kind: str, vote: Vote | None = None) -> "Motion":
        if not self.allows(kind):
            raise ValidationError(N_("motion"), _refusal(kind, self))
        return replace(self, history=(*self.history, Step(kind, vote)))

    # -- stored form ---------------------------------------------------------------------

    def to_dict(self) -> dict:
        return {"text": self.text, "seconded": self.seconded, "threshold": self.threshold,
                "outcome": self.outcome, "history": [s.to_dict() for s in self.history]}

    @classmethod
    def from_dict(cls, data: object) -> "Motion":
        """A stored motion, its history replayed step by step (an impossible one refused)."""
        if not isinstance(data, Mapping):
            raise ValidationError(N_("motion"), _("is not an object"))
        history = data.get("history")
        if not isinstance(history, Sequence) or isinstance(history, str) or not history:
            raise ValidationError(N_("motion, history"), _("must be a list of steps"))
        if len(history) > MAX_STEPS:
            raise ValidationError(N_("motion"), _too_many_steps())
        steps = [_stored_step(stored) for stored in history]
        return cls(data.get("text"), data.get("seconded", True),
                   data.get("threshold", "majority"), tuple(steps))


def _stored_step(stored: object) -> Step:
    if not isinstance(stored, Mapping):
        raise ValidationError(N_("motion, history"), _("each step must be an object"))
    kind = stored.get("step")
    if kind not in STAGE_AFTER:
        raise ValidationError(N_("motion, history"),
                              _("{step} is not a step").format(step=repr(str(kind)[:20])))
    if kind != "vote" and "vote" in stored:
        raise ValidationError(N_("motion, history"), _("a step has the wrong shape"))
    return Step(kind, Vote.from_dict(stored.get("vote")) if kind == "vote" else None)


def _allowed(stage: str, kind: str, last_vote: Vote | None) -> bool:
    if kind == "minority":
        return stage == "result" and not last_vote.unanimous
    return kind in ALLOWED[stage]


def _check_history(history: tuple[Step, ...]) -> None:
    """A history is a life the steps allow, from the motion moved, each vote with counts."""
    if not history or history[0] != Step("moved"):
        raise ValidationError(N_("motion, history"), _("must start with the motion moved"))
    if len(history) > MAX_STEPS:
        raise ValidationError(N_("motion"), _too_many_steps())
    stage, last_vote = "discussion", None
    for step in history[1:]:
        if not isinstance(step, Step) or (step.vote is None) != (step.kind != "vote"):
            raise ValidationError(N_("motion, history"), _("a step has the wrong shape"))
        if not _allowed(stage, step.kind, last_vote):
            raise ValidationError(N_("motion, history"), _("cannot go from {stage} to {step}")
                                  .format(stage=stage, step=step.kind))
        stage, last_vote = STAGE_AFTER[step.kind], step.vote or last_vote


def _too_many_steps() -> str:
    return _("has more than {steps} steps").format(steps=MAX_STEPS)


def _refusal(kind: str, motion: Motion) -> str:
    if kind == "minority" and motion.stage == "result":
        return _("the vote was unanimous: there is no minority opinion to hear")
    # Translators: {stage} is where the motion stands: "discussion", "tabled", "decided" …
    refusals = {"vote": _("cannot take a vote while it is {stage}"),
                "minority": _("cannot hear the minority opinion while it is {stage}"),
                "reconsider": _("cannot reconsider while it is {stage}"),
                "decided": _("cannot decide while it is {stage}"),
                "tabled": _("cannot table it while it is {stage}"),
                "withdrawn": _("cannot withdraw it while it is {stage}"),
                "resumed": _("cannot take it from the table while it is {stage}")}
    refusal = refusals.get(kind, _("cannot {step} while it is {stage}"))
    return refusal.format(step=kind, stage=outcome_label(motion.stage))
