"""The state of the meeting in progress, and the actions that change it.

Every change is an action (`actions.py`, each a frozen dataclass) applied by its handler in
`handlers.HANDLERS`; the live journal is the list of actions, so replaying it rebuilds the
meeting exactly. Names live here only
while the meeting runs: `to_record` keeps counts alone.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from facilitator.core import validate
from facilitator.core.meeting.actions import (Collection, Correct, DisplayNames, Remove,
                                               SectionNext, SectionPrevious, SignIn, Start)
from facilitator.core.meeting.agenda import AgendaProgress, Format
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.names import clean_name
from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting.share_timer import LastShare, ShareStats, ShareTimer
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue

if TYPE_CHECKING:
    from facilitator.core.meeting.session_business import BusinessState

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
        # Translators: the label of someone signed in without a name, "Guest 3".
        return self.name or _("Guest {number}").format(number=self.id)

    @property
    def speaker(self) -> Speaker:
        """This person in the speaker queue, with the same label and flags."""
        return Speaker.attendee(self.id, self.label, self.newcomer, self.visitor, self.online)


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
    collection: int = 0  # the whole 7th tradition, in cents
    collection_online: int = 0  # the part of it given online
    chips: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    queue: SpeakerQueue = SpeakerQueue()
    timer: ShareTimer | None = None  # the share in progress, if any
    last_share: LastShare | None = None  # the one that just ended, until the next starts
    stats: ShareStats = ShareStats()
    share_seconds: int = 300  # length of the next share; +/- and the suggestion change it
    bell: bool = False
    names_on_display: bool = False  # first names on the room display, for this meeting only
    agenda: AgendaProgress | None = None  # where the meeting is in its format, if it has one
    business: "BusinessState | None" = None  # a business meeting's floor, once opened

    @property
    def end_t(self) -> float | None:
        """Meeting seconds at which the meeting is planned to end, if it has a duration."""
        return self.duration_minutes * 60 if self.duration_minutes else None

    @property
    def attendance(self) -> int:
        """Everyone signed in: in the room and online."""
        return len(self.attendees)

    @property
    def in_room(self) -> int:
        return self.attendance - self.online

    @property
    def collection_in_room(self) -> int:
        return self.collection - self.collection_online

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
        raise ValidationError(N_("attendee"), _("nobody is signed in with number {number}").format(
            number=attendee_id))

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
            collection_online=self.collection_online,
            currency=self.currency,
            start=self.started.time().replace(second=0, microsecond=0),
            end=ended.time().replace(second=0, microsecond=0),
            sections=self.agenda.seconds_by_section(t) if self.agenda else {},
            **self.stats.to_dict(),
        )


def start(first: Start) -> MeetingSession:
    """The session described by a journal's first action."""
    agenda = Format.from_list(first.agenda) if first.agenda else None
    return MeetingSession(
        meeting=first.meeting,
        date=first.date,
        started=first.started,
        share_minutes=first.share_minutes,
        duration_minutes=first.duration_minutes,
        currency=first.currency,
        queue=SpeakerQueue(mode=first.queue_mode, priority=first.priority),
        share_seconds=first.share_minutes * 60,
        bell=first.bell,
        names_on_display=first.names_on_display,
        agenda=AgendaProgress.start(agenda, 0.0) if agenda else None,
    )


def start_action(meeting: Meeting, day: date, started: datetime, currency: str,
                 bell: bool = False, names_on_display: bool = False) -> Start:
    """The first action of a meeting's journal."""
    return Start(meeting=meeting.name, date=day, started=started,
                 share_minutes=meeting.share_minutes, duration_minutes=meeting.duration_minutes,
                 currency=currency, queue_mode=meeting.queue_mode, priority=meeting.priority,
                 bell=bell, names_on_display=names_on_display,
                 agenda=tuple(dict(section) for section in meeting.agenda))


def _flags(action: SignIn | Correct) -> dict:
    return {flag: getattr(action, flag) for flag in FLAGS}


def sign_in(session: MeetingSession, action: SignIn, t: float) -> MeetingSession:
    person = Attendee(id=session.next_attendee_id, name=clean_name(action.name),
                      **_flags(action))
    return replace(session, attendees=session.attendees + (person,),
                   next_attendee_id=session.next_attendee_id + 1)


def correct(session: MeetingSession, action: Correct, t: float) -> MeetingSession:
    old = session.attendee(action.id)
    new = replace(old, name=clean_name(action.name), **_flags(action))
    speaker = new.speaker
    waiting = tuple(speaker if s.id == speaker.id else s for s in session.queue.waiting)
    return replace(session, attendees=tuple(new if p.id == old.id else p for p in session.attendees),
                   queue=replace(session.queue, waiting=waiting))


def remove(session: MeetingSession, action: Remove, t: float) -> MeetingSession:
    gone = session.attendee(action.id)
    queue = session.queue
    if queue.is_waiting(f"a{gone.id}"):
        queue = queue.remove(f"a{gone.id}")
    return replace(session, attendees=tuple(p for p in session.attendees if p.id != gone.id),
                   queue=queue)


def section_next(session: MeetingSession, action: SectionNext, t: float) -> MeetingSession:
    if session.agenda is None:
        raise ValidationError(N_("agenda"),
                              _("this meeting has no format; add one in its settings"))
    return replace(session, agenda=session.agenda.next(t))


def section_previous(session: MeetingSession, action: SectionPrevious,
                     t: float) -> MeetingSession:
    if session.agenda is None:
        raise ValidationError(N_("agenda"),
                              _("this meeting has no format; add one in its settings"))
    return replace(session, agenda=session.agenda.previous(t))


def display_names(session: MeetingSession, action: DisplayNames, t: float) -> MeetingSession:
    return replace(session, names_on_display=action.on)


def collection(session: MeetingSession, action: Collection, t: float) -> MeetingSession:
    in_room = validate.count(N_("collection"), action.cents, maximum=10**9)
    online = validate.count(N_("online collection"), action.online, maximum=10**9)
    if in_room + online > 10**9:
        raise ValidationError(N_("collection"), _("is more than the largest amount a record holds"))
    return replace(session, collection=in_room + online, collection_online=online)
