"""What the room display shows of the meeting in progress, as one value.

Counts and times only, unless the facilitator turned first names on for this meeting
(`MeetingSession.names_on_display`, off by default): then the sharer and those next.
"""

from dataclasses import dataclass, replace
from enum import StrEnum

from facilitator.core.i18n import N_, _
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.share_timer import TimerState, format_countdown

NAMES_SHOWN = 3  # how many of those waiting are named, at most


class RoomState(StrEnum):
    """The share countdown's colours, and the time between two shares."""

    NORMAL = TimerState.NORMAL.value
    WARNING = TimerState.WARNING.value
    OVER = TimerState.OVER.value
    PAUSED = TimerState.PAUSED.value
    BETWEEN = "between"


@dataclass(frozen=True)
class RoomView:
    """One frame of the room display, computed at meeting time `t`."""

    meeting: str
    state: RoomState
    countdown: str  # '4:59', '+0:23' over time; between shares, the next share's length
    note: str
    elapsed: str  # time since the meeting started
    left: str | None  # time left before the planned end, if the meeting has one
    section: str | None  # the part of the format the meeting is in, if it has a format
    section_left: str | None
    waiting: int
    sharer: str | None = None  # first names: only when names_on_display is on
    next_up: tuple[str, ...] = ()
    next_title: str = N_("Next")
    next_side: str | None = None  # hybrid meetings: "online" or "in the room", never a name


def duration_text(seconds: float) -> str:
    """1:05:09 or 5:09, for the meeting clock."""
    seconds = int(max(0.0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _remaining_text(seconds: float) -> str:
    if seconds >= 0:
        # Translators: time left of the meeting or its section, "12:30 left".
        return _("{time} left").format(time=duration_text(seconds))
    return _("over by {time}").format(time=duration_text(-seconds))


def _share(session: MeetingSession, t: float, warning_seconds: int) -> tuple[RoomState, str, str]:
    timer = session.timer
    if timer is None:
        return RoomState.BETWEEN, format_countdown(session.share_seconds), _("between shares")
    state = RoomState(timer.state(t, warning_seconds).value)
    note = {RoomState.NORMAL: "", RoomState.WARNING: _("one minute left"),
            RoomState.OVER: _("please wrap up"), RoomState.PAUSED: _("paused")}[state]
    if state is RoomState.WARNING and warning_seconds != 60:
        note = _("{time} left").format(time=format_countdown(timer.remaining(t)))
    return state, timer.display(t), note


def next_side(session: MeetingSession) -> str | None:
    """Which side is called next, in a hybrid meeting (alternating, or anyone online)."""
    queue = session.queue
    person = queue.next_up
    if person is None or not (queue.mode == "alternate" or session.online):
        return None
    return _("online") if person.online else _("in the room")


def room_view(session: MeetingSession, t: float, warning_seconds: int = 60) -> RoomView:
    """The display at meeting time `t`; warning_seconds is the group's setting."""
    state, countdown, note = _share(session, t, warning_seconds)
    agenda = session.agenda
    section = agenda.current if agenda is not None else None
    end = session.end_t
    view = RoomView(
        meeting=session.meeting,
        state=state,
        countdown=countdown,
        note=note,
        elapsed=duration_text(t),
        left=None if end is None else _remaining_text(end - t),
        section=section.title if section else None,
        section_left=_remaining_text(agenda.remaining(t)) if section else None,
        waiting=session.queue.waiting_count,
        next_side=next_side(session),
    )
    if not session.names_on_display:
        return view
    queue = session.queue
    sharing = queue.sharing.label if queue.sharing and session.timer is not None else None
    return replace(view, sharer=sharing,
                   next_up=tuple(s.label for s in queue.in_turn()[:NAMES_SHOWN]),
                   next_title=_("Waiting") if queue.mode == "popcorn" else _("Next"))
