"""Meeting actions of the speaker queue and the share timer.

`t` is the meeting time (seconds since it started) at which the action happened; the share
timer reads it as its clock, so a replayed journal puts every share back where it was.
"""

from dataclasses import replace

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.names import clean_name
from facilitator.core.meeting.actions import (
    Bell, QueueAttendee, QueueClear, QueueDown, QueueHand, QueueMode, QueueName, QueuePass,
    QueuePriority, QueueReadd, QueueRemove, QueueRound, QueueTop, QueueUp, ShareAdjust, ShareEnd,
    ShareLength, SharePass, SharePause, ShareStart, SignIn, SignInAndQueue)
from facilitator.core.meeting.session import MeetingSession, sign_in
from facilitator.core.meeting.share_timer import (MAX_PLANNED_SECONDS, MIN_PLANNED_SECONDS,
                                                 LastShare, ShareTimer, whole_seconds)
from facilitator.core.meeting.speaker_queue import Speaker
from facilitator.core.meeting.suggest import suggested_share_seconds, suggestion_basis


def _queue(session: MeetingSession, queue) -> MeetingSession:
    return replace(session, queue=queue)


def attendee_speaker(session: MeetingSession, attendee_id: int) -> Speaker:
    return session.attendee(attendee_id).speaker


def queue_attendee(session: MeetingSession, action: QueueAttendee, t: float) -> MeetingSession:
    return _queue(session, session.queue.add(attendee_speaker(session, action.id)))


def queue_name(session: MeetingSession, action: QueueName, t: float) -> MeetingSession:
    """A first name joins the queue: the signed-in person of that name, if there is one."""
    name = clean_name(action.name)
    if not name:
        raise ValidationError(N_("name"), _("type a first name to put in the queue"))
    for person in session.attendees:
        if person.name.casefold() == name.casefold():
            return _queue(session, session.queue.add(attendee_speaker(session, person.id)))
    # The id follows the name, so the same person can't wait twice and their shares count.
    speaker = Speaker(f"n:{name.casefold()}", name, action.newcomer)
    return _queue(session, session.queue.add(speaker))


def sign_in_and_queue(session: MeetingSession, action: SignInAndQueue,
                      t: float) -> MeetingSession:
    name = clean_name(action.name)
    if not name:
        raise ValidationError(N_("name"), _("type a first name to sign in and put in the queue"))
    if any(person.name.casefold() == name.casefold() for person in session.attendees):
        return queue_name(session, QueueName(name), t)
    signed_in = sign_in(session, SignIn(name), t)
    return queue_attendee(signed_in, QueueAttendee(signed_in.attendees[-1].id), t)


def queue_hand(session: MeetingSession, action: QueueHand, t: float) -> MeetingSession:
    return _queue(session, session.queue.add_hand())


def queue_round(session: MeetingSession, action: QueueRound, t: float) -> MeetingSession:
    people = [attendee_speaker(session, person.id) for person in session.attendees]
    return _queue(session, session.queue.fill_round(people))


def queue_remove(session: MeetingSession, action: QueueRemove, t: float) -> MeetingSession:
    return _queue(session, session.queue.remove(action.speaker))


def queue_up(session: MeetingSession, action: QueueUp, t: float) -> MeetingSession:
    return _queue(session, session.queue.move_up(action.speaker))


def queue_down(session: MeetingSession, action: QueueDown, t: float) -> MeetingSession:
    return _queue(session, session.queue.move_down(action.speaker))


def queue_top(session: MeetingSession, action: QueueTop, t: float) -> MeetingSession:
    return _queue(session, session.queue.move_to_top(action.speaker))


def queue_pass(session: MeetingSession, action: QueuePass, t: float) -> MeetingSession:
    """The waiting person declines their turn: off the queue, counted as a pass."""
    queue = session.queue.remove(action.speaker)
    return replace(session, queue=replace(queue, passes=queue.passes + 1),
                   stats=session.stats.add_pass())


def queue_readd(session: MeetingSession, action: QueueReadd, t: float) -> MeetingSession:
    return _queue(session, session.queue.readd_last())


def queue_clear(session: MeetingSession, action: QueueClear, t: float) -> MeetingSession:
    return _queue(session, session.queue.clear())


def queue_mode(session: MeetingSession, action: QueueMode, t: float) -> MeetingSession:
    return _queue(session, session.queue.set_mode(action.mode))


def queue_priority(session: MeetingSession, action: QueuePriority, t: float) -> MeetingSession:
    return _queue(session, session.queue.set_priority(action.on))


def share_start(session: MeetingSession, action: ShareStart, t: float) -> MeetingSession:
    """The next person (or `pick`) starts sharing; with nobody waiting, an unnamed share."""
    if session.timer is not None:
        raise ValidationError(N_("share"), _("end the current share first"))
    queue = session.queue
    if queue.waiting or action.pick:
        queue = queue.call_next(action.pick)
    timer = ShareTimer(planned_seconds=planned_share_seconds(session)).start(t)
    return replace(session, queue=queue, timer=timer, last_share=None)


def planned_share_seconds(session: MeetingSession) -> int:
    """The main speaker of a speaker meeting gets their section's length; others a share."""
    section = session.agenda.current if session.agenda else None
    if section is not None and section.kind == "speaker":
        return min(max(section.seconds, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS)
    return session.share_seconds


def _running_timer(session: MeetingSession) -> ShareTimer:
    if session.timer is None:
        raise ValidationError(N_("share"), _("no share is in progress"))
    return session.timer


def share_end(session: MeetingSession, action: ShareEnd, t: float) -> MeetingSession:
    timer = _running_timer(session)
    over = timer.is_over(t)
    stats = session.stats.add_share(timer.elapsed(t), over=over)
    queue = session.queue.finish() if session.queue.sharing else session.queue
    last = LastShare(whole_seconds(timer.elapsed(t)), timer.planned_seconds, over)
    return replace(session, timer=None, stats=stats, queue=queue, last_share=last)


def share_pass(session: MeetingSession, action: SharePass, t: float) -> MeetingSession:
    """The person called declines: counted as a pass, not a share."""
    _running_timer(session)
    queue = session.queue.pass_turn() if session.queue.sharing else session.queue
    return replace(session, timer=None, stats=session.stats.add_pass(), queue=queue)


def share_pause(session: MeetingSession, action: SharePause, t: float) -> MeetingSession:
    timer = _running_timer(session)
    return replace(session, timer=timer.resume(t) if timer.paused else timer.pause(t))


def share_adjust(session: MeetingSession, action: ShareAdjust, t: float) -> MeetingSession:
    """±1 minute for the share in progress, or for the next one when none is."""
    delta = action.delta
    if session.timer is not None:
        return replace(session, timer=session.timer.adjust(delta))
    length = min(max(session.share_seconds + delta, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS)
    return replace(session, share_seconds=length)


def share_length(session: MeetingSession, action: ShareLength, t: float) -> MeetingSession:
    """Apply a share length (the suggested one) to the shares after the one in progress.

    The share in progress keeps its length: what already happened (a share over time) stays
    as it was, and the suggestion, which counts that share's time first, stays the same.
    """
    if not MIN_PLANNED_SECONDS <= action.seconds <= MAX_PLANNED_SECONDS:
        raise ValidationError(N_("share length"), _("must be between 1 and 60 minutes"))
    return replace(session, share_seconds=action.seconds)


def bell(session: MeetingSession, action: Bell, t: float) -> MeetingSession:
    return replace(session, bell=action.on)


def suggestion(session: MeetingSession, t: float, reserve_seconds: float) -> int | None:
    """The share length that lets everyone waiting share before closing, if there is an end.

    With a format, the time for shares is what its later sections leave (they are the
    closing reserve); without one, the meeting's end minus `reserve_seconds`. It does not
    depend on the share length set, so applying it leaves it the same.
    """
    basis = _time_for_waiting(session, t, reserve_seconds)
    if basis is None:
        return None
    left, reserve_seconds = basis
    return suggested_share_seconds(left, session.queue.waiting_count,
                                   reserve_seconds=reserve_seconds)


def suggestion_explained(session: MeetingSession, t: float, reserve_seconds: float) -> str:
    """Why the suggestion is what it is ('8 waiting, 44 min left, 5 min closing'), or ''."""
    basis = _time_for_waiting(session, t, reserve_seconds)
    if basis is None or not session.queue.waiting:
        return ""
    left, reserve_seconds = basis
    return suggestion_basis(left, session.queue.waiting_count, reserve_seconds,
                            after_share=session.timer is not None)


def _time_for_waiting(session: MeetingSession, t: float,
                      reserve_seconds: float) -> tuple[float, float] | None:
    """(seconds left for the people waiting, closing reserve still to take off), or None."""
    if session.agenda is not None:
        left = session.agenda.shares_time_left(t, session.end_t)
        reserve_seconds = 0
    else:
        left = None if session.end_t is None else session.end_t - t
    if left is None:
        return None
    if session.timer is not None:
        left -= max(0.0, session.timer.remaining(t))  # the share in progress comes first
    return left, reserve_seconds
