"""The state of the meeting in progress, and the actions that change it.

Every change is an action (a small dict, JSON-ready) applied by `apply`; the live journal is
the list of actions, so replaying it rebuilds the meeting exactly. Names live here only
while the meeting runs: `to_record` keeps counts alone.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType

from facilitator.core import validate
from facilitator.core.meeting.agenda import AgendaProgress, Format
from facilitator.core.errors import ValidationError
from facilitator.core.names import clean_name
from facilitator.core.records.record import Record
from facilitator.core.meeting.share_timer import ShareStats, ShareTimer
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue

FLAGS = ("newcomer", "visitor", "online")


@dataclass(frozen=True)
class Attendee:
    """One person signed in; the name is optional and never leaves the meeting."""

    id: int
    name: str = ""
    newcomer: bool = False
    visitor: bool = False
    online: bool = False

    @property
    def label(self) -> str:
        return self.name or f"Guest {self.id}"


@dataclass(frozen=True)
class MeetingSession:
    """Everything about the meeting in progress, as one immutable value."""

    meeting: str
    date: date
    started: datetime
    share_minutes: int = 5
    duration_minutes: int | None = None
    currency: str = "USD"
    attendees: tuple[Attendee, ...] = ()
    next_attendee_id: int = 1
    collection: int = 0
    chips: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    queue: SpeakerQueue = SpeakerQueue()
    timer: ShareTimer | None = None  # the share in progress, if any
    stats: ShareStats = ShareStats()
    share_seconds: int = 300  # length of the next share; +/- and the suggestion change it
    bell: bool = False
    names_on_display: bool = False  # first names on the room display, for this meeting only
    agenda: AgendaProgress | None = None  # where the meeting is in its format, if it has one

    @property
    def end_t(self) -> float | None:
        """Meeting seconds at which the meeting is planned to end, if it has a duration."""
        return self.duration_minutes * 60 if self.duration_minutes else None

    @property
    def attendance(self) -> int:
        return len(self.attendees)

    def count(self, flag: str) -> int:
        return sum(1 for person in self.attendees if getattr(person, flag))

    @property
    def newcomers(self) -> int:
        return self.count("newcomer")

    @property
    def visitors(self) -> int:
        return self.count("visitor")

    @property
    def online(self) -> int:
        return self.count("online")

    def attendee(self, attendee_id: int) -> Attendee:
        for person in self.attendees:
            if person.id == attendee_id:
                return person
        raise ValidationError("attendee", f"nobody is signed in with number {attendee_id}")

    def to_record(self, ended: datetime, t: float) -> Record:
        """The anonymous record of this meeting at meeting time `t`: counts only."""
        return Record(
            meeting=self.meeting,
            date=self.date,
            attendance=self.attendance,
            newcomers=self.newcomers,
            visitors=self.visitors,
            online=self.online,
            chips=dict(self.chips),
            collection=self.collection,
            currency=self.currency,
            start=self.started.time().replace(second=0, microsecond=0),
            end=ended.time().replace(second=0, microsecond=0),
            sections=self.agenda.seconds_by_section(t) if self.agenda else {},
            **self.stats.to_dict(),
        )


Handler = Callable[[MeetingSession, dict, float], MeetingSession]
ACTIONS: dict[str, Handler] = {}


def action(name: str) -> Callable[[Handler], Handler]:
    """Register the function that applies one kind of action."""

    def register(handler: Handler) -> Handler:
        ACTIONS[name] = handler
        return handler

    return register


def start(data: dict) -> MeetingSession:
    """The session described by a journal's first action."""
    share_minutes = data.get("share_minutes", 5)
    agenda = data.get("agenda")
    return MeetingSession(
        meeting=data["meeting"],
        date=date.fromisoformat(data["date"]),
        started=datetime.fromisoformat(data["started"]),
        share_minutes=share_minutes,
        duration_minutes=data.get("duration_minutes"),
        currency=data.get("currency", "USD"),
        queue=SpeakerQueue(mode=data.get("queue_mode", "hands"),
                           priority=data.get("priority", True)),
        share_seconds=share_minutes * 60,
        bell=data.get("bell", False),
        names_on_display=data.get("names_on_display", False),
        agenda=AgendaProgress.start(Format.from_list(agenda), 0.0) if agenda else None,
    )


def start_action(meeting, day: date, started: datetime, currency: str,
                 bell: bool = False, names_on_display: bool = False) -> dict:
    """The first action of a meeting's journal."""
    return {
        "names_on_display": names_on_display,
        "agenda": [dict(section) for section in meeting.agenda],
        "queue_mode": meeting.queue_mode,
        "priority": meeting.priority,
        "bell": bell,
        "type": "start",
        "meeting": meeting.name,
        "date": day.isoformat(),
        "started": started.isoformat(),
        "share_minutes": meeting.share_minutes,
        "duration_minutes": meeting.duration_minutes,
        "currency": currency,
    }


def apply(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    """The session after one action; raises ValidationError for an action that can't apply."""
    try:
        handler = ACTIONS[data["type"]]
    except KeyError:
        raise ValidationError("action", f"unknown action {str(data.get('type'))[:30]!r}") from None
    return handler(session, data, t)


def _flags(data: dict) -> dict:
    return {flag: bool(data.get(flag, False)) for flag in FLAGS}


@action("sign_in")
def _sign_in(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    person = Attendee(id=session.next_attendee_id, name=clean_name(data.get("name", "")),
                      **_flags(data))
    return replace(session, attendees=session.attendees + (person,),
                   next_attendee_id=session.next_attendee_id + 1)


@action("correct")
def _correct(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    old = session.attendee(data["id"])
    new = replace(old, name=clean_name(data.get("name", old.name)), **_flags(data))
    speaker = Speaker.attendee(new.id, new.label, new.newcomer)
    waiting = tuple(speaker if s.id == speaker.id else s for s in session.queue.waiting)
    return replace(session, attendees=tuple(new if p.id == old.id else p for p in session.attendees),
                   queue=replace(session.queue, waiting=waiting))


@action("remove")
def _remove(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    gone = session.attendee(data["id"])
    queue = session.queue
    if queue.is_waiting(f"a{gone.id}"):
        queue = queue.remove(f"a{gone.id}")
    return replace(session, attendees=tuple(p for p in session.attendees if p.id != gone.id),
                   queue=queue)


@action("section_next")
def _section_next(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    if session.agenda is None:
        raise ValidationError("agenda", "this meeting has no format; add one in its settings")
    return replace(session, agenda=session.agenda.next(t))


@action("section_previous")
def _section_previous(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    if session.agenda is None:
        raise ValidationError("agenda", "this meeting has no format; add one in its settings")
    return replace(session, agenda=session.agenda.previous(t))


@action("display_names")
def _display_names(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    return replace(session, names_on_display=bool(data["on"]))


@action("collection")
def _collection(session: MeetingSession, data: dict, t: float) -> MeetingSession:
    return replace(session, collection=validate.count("collection", data["cents"], maximum=10**9))


# The speaker queue, the share timer and the chip ceremony register their actions on import.
from facilitator.core.meeting import session_shares  # noqa: E402,F401
from facilitator.core.meeting import session_chips  # noqa: E402,F401
