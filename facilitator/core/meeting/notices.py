"""What each meeting action did, in one short line naming the person or the amount.

The meeting screen shows it after every action, and undo and redo name the step they take
("Undone: 7th tradition 47.25"), so a chair never wonders what a key just did. The words
come from the typed action and the states before and after it; names in them are shown
in the room only, never kept.
"""

from collections.abc import Callable

from facilitator.core.money import format_cents
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.share_timer import format_countdown
from facilitator.core.meeting.speaker_queue import Speaker

Describe = Callable[[Action, MeetingSession, MeetingSession], str]
DISCUSSION_KINDS = {"order": "point of order", "question": "clarifying question",
                    "reply": "reply", "point": "new point"}


def _label(session: MeetingSession, speaker_id: str) -> str:
    for person in session.queue.waiting:
        if person.id == speaker_id:
            return person.label
    return "someone"


def _joined(before: MeetingSession, after: MeetingSession) -> list[Speaker]:
    had = {person.id for person in before.queue.waiting}
    return [person for person in after.queue.waiting if person.id not in had]


def _sharer(session: MeetingSession) -> str:
    return session.queue.sharing.label if session.queue.sharing else "the unnamed share"


def _signed_in(action: a.SignIn, before: MeetingSession, after: MeetingSession) -> str:
    person = after.attendees[-1]
    flags = [flag for flag in ("newcomer", "visitor", "online") if getattr(person, flag)]
    return f"Signed in: {person.label}" + (f" ({', '.join(flags)})" if flags else "")


def _queued(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    joined = _joined(before, after)
    if len(joined) == 1:
        return f"{joined[0].label} joins the queue"
    return f"{len(joined)} join the queue"


def _signed_in_and_queued(action: a.SignInAndQueue, before: MeetingSession,
                          after: MeetingSession) -> str:
    if after.attendance == before.attendance:  # already signed in: only joins the queue
        return _queued(action, before, after)
    return f"Signed in: {after.attendees[-1].label}, joins the queue"


def _share_ended(action: a.ShareEnd, before: MeetingSession, after: MeetingSession) -> str:
    seconds = after.stats.share_seconds - before.stats.share_seconds
    over = after.stats.over_time > before.stats.over_time
    length = format_countdown(seconds).removeprefix("+")
    return f"{_sharer(before)}'s share ended: {length}" + (", over time" if over else "")


def _adjusted(action: a.ShareAdjust, before: MeetingSession, after: MeetingSession) -> str:
    sign = "+" if action.delta >= 0 else "-"
    change = f"{sign}{abs(action.delta) // 60} min"
    if after.timer is not None:
        return f"{change} for {_sharer(after)}: {after.timer.planned_seconds // 60} min"
    return f"{change}: next shares {after.share_seconds // 60} min"


def _section(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    current = after.agenda.current if after.agenda else None
    return f"Section: {current.title}" if current else "The agenda is done"


def _on_off(on_text: str, off_text: str) -> Describe:
    return lambda action, before, after: on_text if action.on else off_text


DESCRIBE: dict[type[Action], Describe] = {
    a.SignIn: _signed_in,
    a.Correct: lambda x, b, after: f"Corrected: {after.attendee(x.id).label}",
    a.Remove: lambda x, before, _: f"Removed: {before.attendee(x.id).label}",
    a.Collection: lambda x, _, after: f"7th tradition {format_cents(after.collection)}",
    a.SectionNext: _section,
    a.SectionPrevious: _section,
    a.DisplayNames: _on_off("First names on the room display", "Room display: counts only"),
    a.QueueAttendee: _queued,
    a.SignInAndQueue: _signed_in_and_queued,
    a.QueueName: _queued,
    a.QueueHand: _queued,
    a.QueueRound: _queued,
    a.QueueReadd: _queued,
    a.QueueRemove: lambda x, before, _: f"{_label(before, x.speaker)} taken off the queue",
    a.QueueUp: lambda x, before, _: f"{_label(before, x.speaker)} moved up",
    a.QueueDown: lambda x, before, _: f"{_label(before, x.speaker)} moved down",
    a.QueueTop: lambda x, before, _: f"{_label(before, x.speaker)} moved to the top",
    a.QueuePass: lambda x, before, _: f"{_label(before, x.speaker)} passed",
    a.QueueClear: lambda x, before, _: f"Queue cleared: {before.queue.waiting_count} taken off",
    a.QueueMode: lambda x, b, a_: f"Queue: {x.mode}",
    a.QueuePriority: _on_off("Newcomers and first shares go first", "Strict order"),
    a.ShareStart: lambda x, b, after: f"{_sharer(after)} shares",
    a.ShareEnd: _share_ended,
    a.SharePass: lambda x, before, _: f"{_sharer(before)} passed",
    a.SharePause: lambda x, b, after: "Share paused" if after.timer.paused else "Share goes on",
    a.ShareAdjust: _adjusted,
    a.ShareLength: lambda x, b, a_: f"Shares are now {x.seconds // 60} min",
    a.Bell: _on_off("Bell on", "Bell off"),
    a.Chip: lambda x, b, a_: f"Chip given: {x.key}",
    a.BusinessOpen: lambda x, b, a_: "Business: the floor is open",
    a.MotionMove: lambda x, b, a_: f"Motion moved: {x.text}",
    a.MotionFromTable: lambda x, b, a_: f"Tabled motion {x.number} taken up",
    a.MotionVote: lambda x, b, a_: (f"Vote: {x.for_} for, {x.against} against, "
                                    f"{x.abstain} abstaining"),
    a.MotionMinority: lambda x, b, a_: "The minority may speak",
    a.MotionReconsider: lambda x, b, a_: "Reconsidered: the motion goes to a new vote",
    a.MotionDecide: lambda x, b, a_: "Motion decided",
    a.MotionTable: lambda x, b, a_: "Motion tabled",
    a.MotionWithdraw: lambda x, b, a_: "Motion withdrawn",
    a.DiscussionAdd: lambda x, b, a_: (f"{x.label or 'Someone'} joins the discussion: "
                                       f"{DISCUSSION_KINDS.get(x.kind, x.kind)}"),
    a.DiscussionNext: lambda x, b, a_: "Next speaker to the motion",
    a.DiscussionRemove: lambda x, b, a_: "Taken off the discussion queue",
    a.BusinessReport: lambda x, b, a_: f"Report in the minutes: {x.section}",
}


# Actions a chair may regret at once: their notice says how to take them back.
UNDO_HINTED = (a.ShareEnd, a.SharePass, a.QueuePass, a.QueueRemove, a.QueueClear, a.Remove)


def describe(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    """'Zoë passed', '7th tradition 47.25': what `action` did, taking `before` to `after`."""
    words = DESCRIBE.get(type(action))
    return words(action, before, after) if words else ""


def undone(step: tuple[MeetingSession, Action, MeetingSession]) -> str:
    """'Undone: 7th tradition 47.25' for the step (before, action, after) undo took back."""
    return f"Undone: {describe(step[1], step[0], step[2])}"


def redone(step: tuple[MeetingSession, Action, MeetingSession]) -> str:
    return f"Redone: {describe(step[1], step[0], step[2])}"
