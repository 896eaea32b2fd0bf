"""Every action of a meeting in progress, one frozen dataclass each.

The journal holds them as JSON lines (`Action.to_json`, read back by `parse_action`); the
JSON is the journal's format since its first version, so a meeting left behind by an older
build resumes. What each action does is in `handlers.HANDLERS`.
"""

from dataclasses import dataclass
from datetime import date, datetime

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.action_json import Action, written_unless_default


@dataclass(frozen=True)
class Start(Action):
    """The journal's first line: the meeting and its settings as it began."""

    type = "start"
    meeting: str
    date: date
    started: datetime
    share_minutes: int = 5
    duration_minutes: int | None = None
    currency: str = "USD"
    queue_mode: str = "hands"
    priority: bool = True
    bell: bool = False
    names_on_display: bool = False
    agenda: tuple[dict, ...] = ()  # the format's sections, as the meeting stores them


# -- sign-in, the 7th tradition, the agenda, the room display ----------------------------

@dataclass(frozen=True)
class SignIn(Action):
    type = "sign_in"
    name: str = ""
    newcomer: bool = written_unless_default(False)
    visitor: bool = written_unless_default(False)
    online: bool = written_unless_default(False)


@dataclass(frozen=True)
class Correct(Action):
    """A signed-in person's name and flags as they should have been."""

    type = "correct"
    id: int
    name: str
    newcomer: bool = False
    visitor: bool = False
    online: bool = False


@dataclass(frozen=True)
class Remove(Action):
    type = "remove"
    id: int


@dataclass(frozen=True)
class Collection(Action):
    """The 7th tradition so far, in cents: given in the room, and given online (hybrid
    meetings; missing from journals written before it, so 0 there)."""

    type = "collection"
    cents: int
    online: int = written_unless_default(0)


@dataclass(frozen=True)
class SectionNext(Action):
    type = "section_next"


@dataclass(frozen=True)
class SectionPrevious(Action):
    type = "section_previous"


@dataclass(frozen=True)
class DisplayNames(Action):
    """First names on the room display, for this meeting only."""

    type = "display_names"
    on: bool


# -- the speaker queue -------------------------------------------------------------------

@dataclass(frozen=True)
class QueueAttendee(Action):
    type = "queue_attendee"
    id: int


@dataclass(frozen=True)
class SignInAndQueue(Action):
    """A typed name signs in and joins the queue in one step (someone already signed in
    under that name only joins the queue: nobody is counted twice)."""

    type = "sign_in_and_queue"
    name: str


@dataclass(frozen=True)
class QueueName(Action):
    """A first name typed into the queue (the signed-in person of that name, if any)."""

    type = "queue_name"
    name: str
    newcomer: bool = written_unless_default(False)


@dataclass(frozen=True)
class QueueHand(Action):
    type = "queue_hand"


@dataclass(frozen=True)
class QueueRound(Action):
    type = "queue_round"


@dataclass(frozen=True)
class QueueRemove(Action):
    type = "queue_remove"
    speaker: str


@dataclass(frozen=True)
class QueueUp(Action):
    type = "queue_up"
    speaker: str


@dataclass(frozen=True)
class QueueDown(Action):
    type = "queue_down"
    speaker: str


@dataclass(frozen=True)
class QueueTop(Action):
    type = "queue_top"
    speaker: str


@dataclass(frozen=True)
class QueuePass(Action):
    """A waiting person declines their turn: they leave the queue, counted as a pass."""

    type = "queue_pass"
    speaker: str


@dataclass(frozen=True)
class QueueReadd(Action):
    type = "queue_readd"


@dataclass(frozen=True)
class QueueClear(Action):
    type = "queue_clear"


@dataclass(frozen=True)
class QueueMode(Action):
    type = "queue_mode"
    mode: str


@dataclass(frozen=True)
class QueuePriority(Action):
    type = "queue_priority"
    on: bool


# -- the share timer ---------------------------------------------------------------------

@dataclass(frozen=True)
class ShareStart(Action):
    """The next person (or the one picked) starts sharing."""

    type = "share_start"
    pick: str | None = written_unless_default(None)


@dataclass(frozen=True)
class ShareEnd(Action):
    type = "share_end"


@dataclass(frozen=True)
class SharePass(Action):
    type = "share_pass"


@dataclass(frozen=True)
class SharePause(Action):
    """Pause the share in progress, or go on with it."""

    type = "share_pause"


@dataclass(frozen=True)
class ShareAdjust(Action):
    """Seconds more (or fewer) for the share in progress, or for the next one."""

    type = "share_adjust"
    delta: int


@dataclass(frozen=True)
class ShareLength(Action):
    type = "share_length"
    seconds: int


@dataclass(frozen=True)
class Bell(Action):
    type = "bell"
    on: bool


# -- the chip ceremony -------------------------------------------------------------------

@dataclass(frozen=True)
class Chip(Action):
    """One chip or keytag given, counted by its milestone key (never who received it)."""

    type = "chip"
    key: str


# -- the business meeting (group conscience): core/business/floor.py's steps --------------

@dataclass(frozen=True)
class BusinessOpen(Action):
    """The business floor opened: motions earlier meetings tabled (as the minutes store
    them) and how long each discussion speaker has."""

    type = "business_open"
    tabled: tuple[dict, ...] = ()
    discussion_seconds: int = 120


@dataclass(frozen=True)
class MotionMove(Action):
    """A motion moved (and seconded: a tick, nobody named), in the group's words."""

    type = "motion_move"
    text: str
    threshold: str = "majority"
    seconded: bool = True


@dataclass(frozen=True)
class MotionFromTable(Action):
    type = "motion_from_table"
    number: int


@dataclass(frozen=True)
class MotionVote(Action):
    """The hands counted; the motion's own threshold unless given."""

    type = "motion_vote"
    for_: int
    against: int
    abstain: int = 0
    threshold: str | None = written_unless_default(None)


@dataclass(frozen=True)
class MotionMinority(Action):
    type = "motion_minority"


@dataclass(frozen=True)
class MotionReconsider(Action):
    type = "motion_reconsider"


@dataclass(frozen=True)
class MotionDecide(Action):
    type = "motion_decide"


@dataclass(frozen=True)
class MotionTable(Action):
    type = "motion_table"


@dataclass(frozen=True)
class MotionWithdraw(Action):
    type = "motion_withdraw"


@dataclass(frozen=True)
class DiscussionAdd(Action):
    """Someone asks to speak to the motion; `kind` is the entry's type (order, question,
    reply, point: `type` names the action in the journal)."""

    type = "discussion_add"
    kind: str
    label: str = written_unless_default("")
    answers: int | None = written_unless_default(None)


@dataclass(frozen=True)
class DiscussionNext(Action):
    """The next one waiting speaks, timed at the discussion length."""

    type = "discussion_next"


@dataclass(frozen=True)
class DiscussionRemove(Action):
    type = "discussion_remove"
    entry: int


@dataclass(frozen=True)
class BusinessReport(Action):
    type = "business_report"
    section: str
    text: str = ""


# -- steps through the history, and markers ----------------------------------------------

@dataclass(frozen=True)
class Undo(Action):
    type = "undo"


@dataclass(frozen=True)
class Redo(Action):
    type = "redo"


@dataclass(frozen=True)
class Resumed(Action):
    """Marks where a meeting left behind was taken up again."""

    type = "resumed"


@dataclass(frozen=True)
class Closing(Action):
    """Written just before the record is saved: a crash after it is a meeting half-ended."""

    type = "closing"


ACTION_CLASSES: tuple[type[Action], ...] = (
    SignIn, Correct, Remove, Collection, SectionNext, SectionPrevious, DisplayNames,
    QueueAttendee, SignInAndQueue, QueueName, QueueHand, QueueRound, QueueRemove, QueueUp,
    QueueDown, QueueTop, QueuePass, QueueReadd, QueueClear, QueueMode, QueuePriority,
    ShareStart, ShareEnd, SharePass, SharePause, ShareAdjust, ShareLength, Bell,
    Chip, Undo, Redo, Resumed, Closing,
    BusinessOpen, MotionMove, MotionFromTable, MotionVote, MotionMinority, MotionReconsider,
    MotionDecide, MotionTable, MotionWithdraw, DiscussionAdd, DiscussionNext, DiscussionRemove,
    BusinessReport,
)
_BY_TYPE = {cls.type: cls for cls in ACTION_CLASSES}


def parse_action(data: object) -> Action:
    """The action in one journal line's JSON (every kind but the first line's start)."""
    kind = data.get("type") if isinstance(data, dict) else None
    cls = _BY_TYPE.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValidationError(N_("action"), _("unknown action {kind}").format(
            kind=repr(str(kind)[:30])))
    return cls.from_json(data)
