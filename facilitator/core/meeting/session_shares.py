"""Meeting actions of the speaker queue and the share timer.

`t` is the meeting time (seconds since it started) at which the action happened; the share
timer reads it as its clock, so a replayed journal puts every share back where it was.
"""

from dataclasses import replace

from facilitator.core.errors import ValidationError
from facilitator.core.names import clean_name
from facilitator.core.meeting.session import MeetingSession, action
from facilitator.core.meeting.share_timer import MAX_PLANNED_SECONDS, MIN_PLANNED_SECONDS, ShareTimer
from facilitator.core.meeting.speaker_queue import Speaker
from facilitator.core.meeting.suggest import suggested_share_seconds


def _queue(session: MeetingSession, queue) -> MeetingSession:
    return replace(session, queue=queue)


def attendee_speaker(session: MeetingSession, attendee_id: int) -> Speaker:
    person = session.attendee(attendee_id)
    return Speaker.attendee(person.id, person.label, person.newcomer)


@action("queue_attendee")
def _queue_attendee(session, data, t):
    return _queue(session, session.queue.add(attendee_speaker(session, data["id"])))


@action("queue_name")
def _queue_name(session, data, t):
    """A first name joins the queue: the signed-in person of that name, if there is one."""
    name = clean_name(data.get("name", ""))
    if not name:
        raise ValidationError("name", "type a first name to put in the queue")
    for person in session.attendees:
        if person.name.casefold() == name.casefold():
            return _queue(session, session.queue.add(attendee_speaker(session, person.id)))
    # The id follows the name, so the same person can't wait twice and their shares count.
    speaker = Speaker(f"n:{name.casefold()}", name, bool(data.get("newcomer")))
    return _queue(session, session.queue.add(speaker))


@action("queue_hand")
def _queue_hand(session, data, t):
    return _queue(session, session.queue.add_hand())


@action("queue_round")
def _queue_round(session, data, t):
    people = [attendee_speaker(session, person.id) for person in session.attendees]
    return _queue(session, session.queue.fill_round(people))


@action("queue_remove")
def _queue_remove(session, data, t):
    return _queue(session, session.queue.remove(data["speaker"]))


@action("queue_up")
def _queue_up(session, data, t):
    return _queue(session, session.queue.move_up(data["speaker"]))


@action("queue_down")
def _queue_down(session, data, t):
    return _queue(session, session.queue.move_down(data["speaker"]))


@action("queue_top")
def _queue_top(session, data, t):
    return _queue(session, session.queue.move_to_top(data["speaker"]))


@action("queue_readd")
def _queue_readd(session, data, t):
    return _queue(session, session.queue.readd_last())


@action("queue_clear")
def _queue_clear(session, data, t):
    return _queue(session, session.queue.clear())


@action("queue_mode")
def _queue_mode(session, data, t):
    return _queue(session, session.queue.set_mode(data["mode"]))


@action("queue_priority")
def _queue_priority(session, data, t):
    return _queue(session, session.queue.set_priority(bool(data["on"])))


@action("share_start")
def _share_start(session, data, t):
    """The next person (or `pick`) starts sharing; with nobody waiting, an unnamed share."""
    if session.timer is not None:
        raise ValidationError("share", "end the current share first")
    queue = session.queue
    if queue.waiting or data.get("pick"):
        queue = queue.call_next(data.get("pick"))
    timer = ShareTimer(planned_seconds=planned_share_seconds(session)).start(t)
    return replace(session, queue=queue, timer=timer)


def planned_share_seconds(session: MeetingSession) -> int:
    """The main speaker of a speaker meeting gets their section's length; others a share."""
    section = session.agenda.current if session.agenda else None
    if section is not None and section.kind == "speaker":
        return min(max(section.seconds, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS)
    return session.share_seconds


def _running_timer(session: MeetingSession) -> ShareTimer:
    if session.timer is None:
        raise ValidationError("share", "no share is in progress")
    return session.timer


@action("share_end")
def _share_end(session, data, t):
    timer = _running_timer(session)
    stats = session.stats.add_share(timer.elapsed(t), over=timer.is_over(t))
    queue = session.queue.finish() if session.queue.sharing else session.queue
    return replace(session, timer=None, stats=stats, queue=queue)


@action("share_pass")
def _share_pass(session, data, t):
    """The person called declines: counted as a pass, not a share."""
    _running_timer(session)
    queue = session.queue.pass_turn() if session.queue.sharing else session.queue
    return replace(session, timer=None, stats=session.stats.add_pass(), queue=queue)


@action("share_pause")
def _share_pause(session, data, t):
    timer = _running_timer(session)
    return replace(session, timer=timer.resume(t) if timer.paused else timer.pause(t))


@action("share_adjust")
def _share_adjust(session, data, t):
    """±1 minute for the share in progress, or for the next one when none is."""
    delta = int(data["delta"])
    if session.timer is not None:
        return replace(session, timer=session.timer.adjust(delta))
    length = min(max(session.share_seconds + delta, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS)
    return replace(session, share_seconds=length)


@action("share_length")
def _share_length(session, data, t):
    """Apply a share length (the suggested one) to this share and the ones after it."""
    seconds = int(data["seconds"])
    timer = session.timer.with_planned(seconds) if session.timer is not None else None
    return replace(session, share_seconds=seconds, timer=timer)


@action("bell")
def _bell(session, data, t):
    return replace(session, bell=bool(data["on"]))


def suggestion(session: MeetingSession, t: float, reserve_seconds: float) -> int | None:
    """The share length that lets everyone waiting share before closing, if there is an end.

    With a format, the time for shares is what its later sections leave (they are the
    closing reserve); without one, the meeting's end minus `reserve_seconds`.
    """
    if session.agenda is not None:
        left = session.agenda.shares_time_left(t, session.end_t)
        reserve_seconds = 0
    else:
        left = None if session.end_t is None else session.end_t - t
    if left is None:
        return None
    if session.timer is not None:
        left -= max(0.0, session.timer.remaining(t))  # the share in progress comes first
    return suggested_share_seconds(left, session.queue.waiting_count,
                                   reserve_seconds=reserve_seconds)
