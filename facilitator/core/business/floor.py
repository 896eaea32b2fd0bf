"""The business part of a meeting in progress: the motion on the floor, its typed discussion
queue, and the minutes being written, as one pure value the meeting session can hold.

Every step is a method returning a new floor (or refusing with a ValidationError), and each
has a name and fields in ACTIONS, so that a journal can record it and `apply` can replay it.
The minutes are kept current with every step: a motion still open is in them as it stands.
Queue labels are first names held for this meeting only: they are in the journal (`to_dict`)
but never in the minutes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from facilitator.core.business.discussion_queue import DiscussionQueue
from facilitator.core.business.minutes import Minutes, Report
from facilitator.core.business.motion import Motion
from facilitator.core.business.votes import Vote, check_against_attendance
from facilitator.core.business.words import outcome_label
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _


@dataclass(frozen=True)
class BusinessFloor:
    """The minutes so far, the motions still tabled (old business), the motion on the floor
    and who waits to speak to it."""

    minutes: Minutes
    tabled: tuple[Motion, ...] = ()
    motion: Motion | None = None
    queue: DiscussionQueue = field(default_factory=DiscussionQueue)

    @classmethod
    def open(cls, meeting: str, day: date, tabled: tuple[Motion, ...] = (),
             attendance: int = 0) -> "BusinessFloor":
        """A business meeting starting, with the motions earlier meetings tabled."""
        return cls(Minutes(meeting, day, attendance), tuple(tabled))

    # -- motions -------------------------------------------------------------------------

    def move(self, text: str, threshold: str = "majority",
             seconded: bool = True) -> "BusinessFloor":
        """A new motion, moved (and seconded: a tick, nobody named), open for discussion."""
        self._floor_free()
        motion = Motion.move(text, threshold, seconded)
        if self.minutes.find_motion(motion.text) is not None:
            raise ValidationError(N_("motion"), _("is already in this meeting's minutes"))
        return self._with(motion, fresh_queue=True)

    def take_from_table(self, number: int) -> "BusinessFloor":
        """Tabled motion `number` (from 1, as listed in old business) taken up again."""
        self._floor_free()
        if not 1 <= number <= len(self.tabled):
            raise ValidationError(N_("tabled motion"),
                                  _("there is no tabled motion {number}").format(number=number))
        motion = self.tabled[number - 1].resume()
        rest = self.tabled[:number - 1] + self.tabled[number:]
        return replace(self, tabled=rest)._with(motion, fresh_queue=True)

    def vote(self, for_: int, against: int, abstain: int = 0,
             threshold: str | None = None) -> "BusinessFloor":
        """The hands counted (more than the attendance refused; see `vote_warning`)."""
        motion = self._on_floor()
        vote = Vote(for_, against, abstain, threshold or motion.threshold)
        check_against_attendance(vote, self.minutes.attendance)
        return self._with(motion.vote(vote.for_, vote.against, vote.abstain, vote.threshold))

    def vote_warning(self, for_: int, against: int, abstain: int = 0) -> str | None:
        """What to show before a vote is taken with nobody signed in."""
        return check_against_attendance(Vote(for_, against, abstain), self.minutes.attendance)

    def hear_minority(self) -> "BusinessFloor":
        """The minority is invited to speak: a fresh queue for them."""
        return self._with(self._on_floor().hear_minority(), fresh_queue=True)

    def reconsider(self) -> "BusinessFloor":
        return self._with(self._on_floor().reconsider(), fresh_queue=True)

    def decide(self) -> "BusinessFloor":
        return self._with(self._on_floor().decide())

    def table(self) -> "BusinessFloor":
        return self._with(self._on_floor().table())

    def withdraw(self) -> "BusinessFloor":
        return self._with(self._on_floor().withdraw())

    # -- the discussion queue ------------------------------------------------------------

    def queue_add(self, type: str, label: str = "",
                  answers: int | None = None) -> "BusinessFloor":
        self._on_floor()
        return replace(self, queue=self.queue.add(type, label, answers))

    def queue_next(self) -> "BusinessFloor":
        return replace(self, queue=self.queue.call_next())

    def queue_remove(self, entry: int) -> "BusinessFloor":
        return replace(self, queue=self.queue.remove(entry))

    # -- reports and attendance ----------------------------------------------------------

    def report(self, section: str, text: str = "") -> "BusinessFloor":
        return replace(self, minutes=self.minutes.with_report(Report(section, text)))

    def attendance(self, count: int) -> "BusinessFloor":
        """The attendance as the sign-in stands (votes are checked against it)."""
        return replace(self, minutes=replace(self.minutes, attendance=count))

    # -- inside --------------------------------------------------------------------------

    def _floor_free(self) -> None:
        if self.motion is not None:
            raise ValidationError(N_("motion"), _("{motion} is still on the floor ({stage})").format(
                motion=repr(self.motion.text[:40]), stage=outcome_label(self.motion.stage)))

    def _on_floor(self) -> Motion:
        if self.motion is None:
            raise ValidationError(N_("motion"), _("there is no motion on the floor"))
        return self.motion

    def _with(self, motion: Motion, *, fresh_queue: bool = False) -> "BusinessFloor":
        """The motion after a step: in the minutes as it stands; off the floor when final."""
        queue = DiscussionQueue() if fresh_queue or motion.is_final else self.queue
        return replace(self, minutes=self.minutes.with_motion(motion),
                       motion=None if motion.is_final else motion, queue=queue)

    # -- the journal ---------------------------------------------------------------------

    def to_dict(self) -> dict:
        return {"minutes": self.minutes.to_dict(), "tabled": [m.to_dict() for m in self.tabled],
                "motion": self.motion.text if self.motion else None,
                "queue": self.queue.to_dict()}

    @classmethod
    def from_dict(cls, data: object) -> "BusinessFloor":
        if not isinstance(data, Mapping) or not isinstance(data.get("tabled"), list):
            raise ValidationError(N_("business"), _("is not a business meeting in progress"))
        minutes = Minutes.from_dict(data.get("minutes"))
        on_floor = data.get("motion")
        motion = None if on_floor is None else minutes.find_motion(str(on_floor))
        if on_floor is not None and (motion is None or motion.is_final):
            raise ValidationError(N_("business"),
                                  _("the motion on the floor is not in the minutes"))
        return cls(minutes, tuple(map(Motion.from_dict, data["tabled"])), motion,
                   DiscussionQueue.from_dict(data.get("queue")))


# What the journal records for each step: the action's name, and its fields in order.
ACTIONS: dict[str, tuple[str, ...]] = {
    "motion_move": ("text", "threshold", "seconded"),
    "motion_from_table": ("number",),
    "motion_vote": ("for_", "against", "abstain", "threshold"),
    "motion_minority": (),
    "motion_reconsider": (),
    "motion_decide": (),
    "motion_table": (),
    "motion_withdraw": (),
    "discussion_add": ("type", "label", "answers"),
    "discussion_next": (),
    "discussion_remove": ("entry",),
    "business_report": ("section", "text"),
}
_METHODS = {
    "motion_move": BusinessFloor.move, "motion_from_table": BusinessFloor.take_from_table,
    "motion_vote": BusinessFloor.vote, "motion_minority": BusinessFloor.hear_minority,
    "motion_reconsider": BusinessFloor.reconsider, "motion_decide": BusinessFloor.decide,
    "motion_table": BusinessFloor.table, "motion_withdraw": BusinessFloor.withdraw,
    "discussion_add": BusinessFloor.queue_add, "discussion_next": BusinessFloor.queue_next,
    "discussion_remove": BusinessFloor.queue_remove, "business_report": BusinessFloor.report,
}


def apply(floor: BusinessFloor, action: str, fields: Mapping) -> BusinessFloor:
    """One journalled step replayed: `fields` holds the action's fields (missing ones take
    their defaults); an unknown action or field is refused."""
    if action not in ACTIONS:
        raise ValidationError(N_("action"), _("{action} is not a business action").format(
            action=repr(str(action)[:30])))
    unknown = set(fields) - set(ACTIONS[action])
    if unknown:
        raise ValidationError(action, _("has no field {field}").format(
            field=repr(sorted(unknown)[0][:30])))
    return _METHODS[action](floor, **fields)
