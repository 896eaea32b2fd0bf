"""Meeting actions of a business meeting (group conscience): the business floor of
core/business/floor.py held by the session, each step journalled as a typed action.

The floor is opened once (`business_open`, with the motions earlier meetings tabled); every
step after it goes through `floor.apply` by its journal name, with the attendance as the
sign-in stands (votes are checked against it). A discussion speaker is timed with a share
clock at the group's discussion length; it stops when nobody is speaking to the motion.
"""

from dataclasses import dataclass, fields, replace

from facilitator.core import validate
from facilitator.core.business import floor as business
from facilitator.core.business.floor import BusinessFloor
from facilitator.core.business.motion import Motion
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.share_timer import (MAX_PLANNED_SECONDS, MIN_PLANNED_SECONDS,
                                                   ShareTimer)

MAX_TABLED = 100


@dataclass(frozen=True)
class BusinessState:
    """The floor, the share clock of whoever speaks to the motion, and its length."""

    floor: BusinessFloor
    discussion_seconds: int = 120
    timer: ShareTimer | None = None


def business_open(session: MeetingSession, action: a.BusinessOpen, t: float) -> MeetingSession:
    if session.business is not None:
        raise ValidationError(N_("business"), _("the business floor is already open"))
    seconds = validate.count(N_("discussion length"), action.discussion_seconds,
                             maximum=MAX_PLANNED_SECONDS)
    if seconds < MIN_PLANNED_SECONDS:
        raise ValidationError(N_("discussion length"), _("must be from 1 to 60 minutes"))
    if len(action.tabled) > MAX_TABLED:
        raise ValidationError(N_("tabled"), _("more than {n} tabled motions").format(n=MAX_TABLED))
    tabled = tuple(Motion.from_dict(stored) for stored in action.tabled)
    if any(motion.stage != "tabled" for motion in tabled):
        raise ValidationError(N_("tabled"), _("holds a motion that is not tabled"))
    floor = BusinessFloor.open(session.meeting, session.date, tabled, session.attendance)
    return replace(session, business=BusinessState(floor, seconds))


# The action's fields as the floor names them (`type` names the action itself).
_FLOOR_FIELD = {"kind": "type"}


def floor_step(session: MeetingSession, action: a.Action, t: float) -> MeetingSession:
    """Any step of the floor: `floor.apply` by the action's journal name."""
    state = _open(session)
    values = {_FLOOR_FIELD.get(spec.name, spec.name): getattr(action, spec.name)
              for spec in fields(action)}
    floor = business.apply(state.floor.attendance(session.attendance), action.type, values)
    timer = state.timer if floor.queue.current is not None else None
    return replace(session, business=replace(state, floor=floor, timer=timer))


def discussion_next(session: MeetingSession, action: a.DiscussionNext,
                    t: float) -> MeetingSession:
    """The next one waiting speaks, their clock started at the discussion length."""
    after = floor_step(session, action, t)
    state = after.business
    timer = ShareTimer(planned_seconds=state.discussion_seconds).start(t)
    return replace(after, business=replace(state, timer=timer))


def _open(session: MeetingSession) -> BusinessState:
    if session.business is None:
        raise ValidationError(N_("business"), _("this meeting has no business floor open"))
    return session.business


FLOOR_STEPS = (a.MotionMove, a.MotionFromTable, a.MotionVote, a.MotionMinority,
               a.MotionReconsider, a.MotionDecide, a.MotionTable, a.MotionWithdraw,
               a.DiscussionAdd, a.DiscussionRemove, a.BusinessReport)
HANDLED = (a.BusinessOpen, a.DiscussionNext, *FLOOR_STEPS)
