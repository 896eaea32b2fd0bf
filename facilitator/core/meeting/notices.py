"""What each meeting action did, in one short line naming the person or the amount.

The meeting screen shows it after every action, and undo and redo name the step they take
("Undone: 7th tradition 47.25"), so a chair never wonders what a key just did. The words
come from the typed action and the states before and after it; names in them are shown
in the room only, never kept.
"""

from collections.abc import Callable

from facilitator.core.i18n import N_, _, counted
from facilitator.core.money import format_cents
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.action_json import Action
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.share_timer import format_countdown
from facilitator.core.meeting.speaker_queue import Speaker

Describe = Callable[[Action, MeetingSession, MeetingSession], str]
DISCUSSION_KINDS = {"order": N_("point of order"), "question": N_("clarifying question"),
                    "reply": N_("reply"), "point": N_("new point")}
# Translators: a queue mode as the notice "Queue: {mode}" names it.
QUEUE_MODE_WORDS = {"hands": N_("hands"), "round": N_("round"), "popcorn": N_("popcorn"),
                    "alternate": N_("alternate")}
FLAG_WORDS = {"newcomer": N_("newcomer"), "visitor": N_("visitor"), "online": N_("online")}


def _label(session: MeetingSession, speaker_id: str) -> str:
    for person in session.queue.waiting:
        if person.id == speaker_id:
            return person.label
    return _("someone")


def _joined(before: MeetingSession, after: MeetingSession) -> list[Speaker]:
    had = {person.id for person in before.queue.waiting}
    return [person for person in after.queue.waiting if person.id not in had]


def _sharer(session: MeetingSession) -> str:
    return session.queue.sharing.label if session.queue.sharing else _("the unnamed share")


def _signed_in(action: a.SignIn, before: MeetingSession, after: MeetingSession) -> str:
    person = after.attendees[-1]
    flags = [_(word) for flag, word in FLAG_WORDS.items() if getattr(person, flag)]
    if flags:
        # Translators: {flags} is "newcomer", "visitor", "online", joined by commas.
        return _("Signed in: {name} ({flags})").format(name=person.label, flags=", ".join(flags))
    return _("Signed in: {name}").format(name=person.label)


def _queued(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    joined = _joined(before, after)
    if len(joined) == 1:
        return _("{name} joins the queue").format(name=joined[0].label)
    return counted("{n} joins the queue", "{n} join the queue", len(joined))


def _signed_in_and_queued(action: a.SignInAndQueue, before: MeetingSession,
                          after: MeetingSession) -> str:
    if after.attendance == before.attendance:  # already signed in: only joins the queue
        return _queued(action, before, after)
    return _("Signed in: {name}, joins the queue").format(name=after.attendees[-1].label)


def _share_ended(action: a.ShareEnd, before: MeetingSession, after: MeetingSession) -> str:
    seconds = after.stats.share_seconds - before.stats.share_seconds
    over = after.stats.over_time > before.stats.over_time
    length = format_countdown(seconds).removeprefix("+")
    if over:
        return _("{name}'s share ended: {length}, over time").format(name=_sharer(before),
                                                                     length=length)
    return _("{name}'s share ended: {length}").format(name=_sharer(before), length=length)


def _adjusted(action: a.ShareAdjust, before: MeetingSession, after: MeetingSession) -> str:
    sign = "+" if action.delta >= 0 else "-"
    # Translators: a change of share length, "+1 min" or "-1 min".
    change = _("{sign}{minutes} min").format(sign=sign, minutes=abs(action.delta) // 60)
    if after.timer is not None:
        return _("{change} for {name}: {minutes} min").format(
            change=change, name=_sharer(after), minutes=after.timer.planned_seconds // 60)
    return _("{change}: next shares {minutes} min").format(change=change,
                                                           minutes=after.share_seconds // 60)


def _section(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    current = after.agenda.current if after.agenda else None
    if current is None:
        return _("The agenda is done")
    return _("Section: {title}").format(title=current.title)


def _on_off(on_text: str, off_text: str) -> Describe:
    return lambda action, before, after: _(on_text) if action.on else _(off_text)


DESCRIBE: dict[type[Action], Describe] = {
    a.SignIn: _signed_in,
    a.Correct: lambda x, b, after: _("Corrected: {name}").format(name=after.attendee(x.id).label),
    a.Remove: lambda x, before, a_: _("Removed: {name}").format(name=before.attendee(x.id).label),
    a.Collection: lambda x, b, after: _("7th tradition {amount}").format(
        amount=format_cents(after.collection)),
    a.SectionNext: _section,
    a.SectionPrevious: _section,
    a.DisplayNames: _on_off(N_("First names on the room display"), N_("Room display: counts only")),
    a.QueueAttendee: _queued,
    a.SignInAndQueue: _signed_in_and_queued,
    a.QueueName: _queued,
    a.QueueHand: _queued,
    a.QueueRound: _queued,
    a.QueueReadd: _queued,
    a.QueueRemove: lambda x, before, a_: _("{name} taken off the queue").format(
        name=_label(before, x.speaker)),
    a.QueueUp: lambda x, before, a_: _("{name} moved up").format(name=_label(before, x.speaker)),
    a.QueueDown: lambda x, before, a_: _("{name} moved down").format(
        name=_label(before, x.speaker)),
    a.QueueTop: lambda x, before, a_: _("{name} moved to the top").format(
        name=_label(before, x.speaker)),
    a.QueuePass: lambda x, before, a_: _("{name} passed").format(name=_label(before, x.speaker)),
    # Translators: {n} is how many people were waiting and are now off the queue.
    a.QueueClear: lambda x, before, a_: _("Queue cleared: {n} taken off").format(
        n=before.queue.waiting_count),
    a.QueueMode: lambda x, b, a_: _("Queue: {mode}").format(
        mode=_(QUEUE_MODE_WORDS[x.mode]) if x.mode in QUEUE_MODE_WORDS else x.mode),
    a.QueuePriority: _on_off(N_("Newcomers and first shares go first"), N_("Strict order")),
    a.ShareStart: lambda x, b, after: _("{name} shares").format(name=_sharer(after)),
    a.ShareEnd: _share_ended,
    a.SharePass: lambda x, before, a_: _("{name} passed").format(name=_sharer(before)),
    a.SharePause: lambda x, b, after: (_("Share paused") if after.timer.paused
                                       else _("Share goes on")),
    a.ShareAdjust: _adjusted,
    a.ShareLength: lambda x, b, a_: _("Shares are now {minutes} min").format(
        minutes=x.seconds // 60),
    a.Bell: _on_off(N_("Bell on"), N_("Bell off")),
    a.Chip: lambda x, b, a_: _("Chip given: {key}").format(key=x.key),
    a.BusinessOpen: lambda x, b, a_: _("Business: the floor is open"),
    a.MotionMove: lambda x, b, a_: _("Motion moved: {text}").format(text=x.text),
    a.MotionFromTable: lambda x, b, a_: _("Tabled motion {number} taken up").format(
        number=x.number),
    a.MotionVote: lambda x, b, a_: _("Vote: {for_} for, {against} against, "
                                     "{abstain} abstaining").format(
        for_=x.for_, against=x.against, abstain=x.abstain),
    a.MotionMinority: lambda x, b, a_: _("The minority may speak"),
    a.MotionReconsider: lambda x, b, a_: _("Reconsidered: the motion goes to a new vote"),
    a.MotionDecide: lambda x, b, a_: _("Motion decided"),
    a.MotionTable: lambda x, b, a_: _("Motion tabled"),
    a.MotionWithdraw: lambda x, b, a_: _("Motion withdrawn"),
    a.DiscussionAdd: lambda x, b, a_: _("{name} joins the discussion: {kind}").format(
        name=x.label or _("Someone"),
        kind=_(DISCUSSION_KINDS[x.kind]) if x.kind in DISCUSSION_KINDS else x.kind),
    a.DiscussionNext: lambda x, b, a_: _("Next speaker to the motion"),
    a.DiscussionRemove: lambda x, b, a_: _("Taken off the discussion queue"),
    a.BusinessReport: lambda x, b, a_: _("Report in the minutes: {section}").format(
        section=x.section),
}


# Actions a chair may regret at once: their notice says how to take them back.
UNDO_HINTED = (a.ShareEnd, a.SharePass, a.QueuePass, a.QueueRemove, a.QueueClear, a.Remove)


def describe(action: Action, before: MeetingSession, after: MeetingSession) -> str:
    """'Zoë passed', '7th tradition 47.25': what `action` did, taking `before` to `after`."""
    words = DESCRIBE.get(type(action))
    return words(action, before, after) if words else ""


def undone(step: tuple[MeetingSession, Action, MeetingSession]) -> str:
    """'Undone: 7th tradition 47.25' for the step (before, action, after) undo took back."""
    return _("Undone: {step}").format(step=describe(step[1], step[0], step[2]))


def redone(step: tuple[MeetingSession, Action, MeetingSession]) -> str:
    return _("Redone: {step}").format(step=describe(step[1], step[0], step[2]))
