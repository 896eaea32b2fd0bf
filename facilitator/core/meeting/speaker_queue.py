"""The speaker queue: who is sharing, who waits and in which order, as a pure value.

Modes, switchable live (`set_mode`):
- "hands": raised hands, first come first served;
- "round": around the room in sign-in order, each once (`fill_round` adds the room);
- "popcorn": the person who just shared picks the next one (`call_next(pick=...)`);
- "alternate" (hybrid meetings): hands, but the next called is the first waiting on the
  other side from the person called last (in the room, then online, then in the room…);
  when nobody waits on that side, the head of the queue.

Priority (the progressive stack, on by default): people who have not shared yet in this
meeting, and newcomers, go ahead of those sharing again. It is applied when someone joins
the queue and, as a stable partition, when priority is switched on; it is never re-applied
on reading, so an operation on one person never reorders the others and the facilitator's
manual moves stay where they were put.

Labels are first names held for this meeting only: `to_dict` is for the live journal,
never for the history database.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.schedule.meeting import QUEUE_MODES


@dataclass(frozen=True)
class Speaker:
    """A person who may share: a stable id ("a3", "h2", "n4"), a label, and whether they are
    a newcomer, a visitor, or joining online."""

    id: str
    label: str
    newcomer: bool = False
    visitor: bool = False
    online: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValidationError(N_("speaker"), _("needs an id"))
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValidationError(N_("speaker"), _("needs a first name or a label"))
        for flag in ("newcomer", "visitor", "online"):
            if not isinstance(getattr(self, flag), bool):
                raise ValidationError(flag, _("must be yes or no"))

    @classmethod
    def attendee(cls, number: int, label: str, newcomer: bool = False, visitor: bool = False,
                 online: bool = False) -> "Speaker":
        """The signed-in attendee `number` ("a3")."""
        return cls(f"a{number}", label, newcomer, visitor, online)

    @classmethod
    def hand(cls, number: int) -> "Speaker":
        """The anonymous raised hand `number` ("h2", labelled "Hand 2")."""
        # Translators: an anonymous raised hand in the queue, "Hand 2".
        return cls(f"h{number}", _("Hand {number}").format(number=number))

    def to_dict(self) -> dict:
        flags = {flag: True for flag in ("visitor", "online") if getattr(self, flag)}
        return {"id": self.id, "label": self.label, "newcomer": self.newcomer, **flags}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Speaker":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("speaker"), _("is not an object"))
        return cls(data.get("id"), data.get("label"), data.get("newcomer", False),
                   data.get("visitor", False), data.get("online", False))


@dataclass(frozen=True)
class SpeakerQueue:
    """Who shares now, who waits, and how many times each person has shared this meeting."""

    mode: str = "hands"
    priority: bool = True
    waiting: tuple[Speaker, ...] = ()
    sharing: Speaker | None = None
    last: Speaker | None = None  # who shared most recently: picks next in popcorn, re-addable
    share_counts: tuple[tuple[str, int], ...] = ()  # (speaker id, shares), sorted by id
    passes: int = 0
    hands: int = 0  # raised hands handed out so far, so "Hand N" ids are never reused
    called_online: bool | None = None  # the side of the person called last, if anyone

    def __post_init__(self) -> None:
        if self.mode not in QUEUE_MODES:
            raise ValidationError(N_("queue mode"), _("must be one of {names}").format(
                names=", ".join(QUEUE_MODES)))
        if not isinstance(self.priority, bool):
            raise ValidationError(N_("priority"), _("must be on or off"))
        if self.called_online not in (None, True, False):
            raise ValidationError(N_("queue"), _("the side called last must be online or not"))
        people = [*self.waiting, *filter(None, (self.sharing, self.last))]
        if any(not isinstance(person, Speaker) for person in people):
            raise ValidationError(N_("queue"), _("holds something that is not a speaker"))
        ids = [person.id for person in self.waiting]
        if len(set(ids)) != len(ids):
            raise ValidationError(N_("queue"), _("the same person cannot be waiting twice"))
        if self.sharing is not None and self.sharing.id in ids:
            raise ValidationError(N_("queue"), _("the person sharing cannot also be waiting"))
        counted = [speaker_id for speaker_id, _count in self.share_counts]
        if counted != sorted(set(counted)):
            raise ValidationError(N_("shares"), _("must be counted once per person"))
        for name, value in [("passes", self.passes), ("hands", self.hands),
                            *(("shares", number) for _, number in self.share_counts)]:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, _("must be a whole number, 0 or more"))

    # Reading

    @property
    def next_up(self) -> Speaker | None:
        """Who is called next; None when nobody waits or, in popcorn, until the sharer picks."""
        if not self.waiting or self.mode == "popcorn":
            return None
        return self.waiting[self._next_index()]

    @property
    def side_due(self) -> bool | None:
        """In alternate mode, whether online (True) or the room (False) is called next;
        None in other modes and before anyone was called."""
        if self.mode != "alternate" or self.called_online is None:
            return None
        return not self.called_online

    def in_turn(self) -> tuple[Speaker, ...]:
        """Those waiting in the order they will be called if nobody joins or moves."""
        if self.mode != "alternate":
            return self.waiting
        queue, order = self, []
        while queue.waiting:
            index = queue._next_index()
            order.append(queue.waiting[index])
            queue = replace(queue, waiting=queue.waiting[:index] + queue.waiting[index + 1:],
                            called_online=queue.waiting[index].online)
        return tuple(order)

    @property
    def waiting_count(self) -> int:
        return len(self.waiting)

    def is_waiting(self, speaker_id: str) -> bool:
        return any(person.id == speaker_id for person in self.waiting)

    def shares_of(self, speaker_id: str) -> int:
        """How many times this person has shared in this meeting."""
        return dict(self.share_counts).get(speaker_id, 0)

    def has_priority(self, speaker: Speaker) -> bool:
        """Newcomers and people who have not shared yet go ahead when priority is on."""
        return speaker.newcomer or self.shares_of(speaker.id) == 0

    # Joining and leaving

    def add(self, speaker: Speaker) -> "SpeakerQueue":
        """Put someone in the queue: at the end, or after the last prioritised person."""
        if self.sharing is not None and self.sharing.id == speaker.id:
            raise ValidationError(N_("speaker"), _("is sharing now and cannot also wait"))
        if self.is_waiting(speaker.id):
            raise ValidationError(N_("speaker"), _("is already waiting"))
        waiting = list(self.waiting)
        waiting.insert(self._place_for(speaker), speaker)
        return replace(self, waiting=tuple(waiting))

    def add_hand(self) -> "SpeakerQueue":
        """Add the next anonymous raised hand ("Hand 3")."""
        number = self.hands + 1
        return replace(self.add(Speaker.hand(number)), hands=number)

    def remove(self, speaker_id: str) -> "SpeakerQueue":
        index = self._index(speaker_id)
        return replace(self, waiting=self.waiting[:index] + self.waiting[index + 1:])

    def clear(self) -> "SpeakerQueue":
        """Nobody waits any more; the person sharing and the counts stay."""
        return replace(self, waiting=())

    def fill_round(self, attendees: Iterable[Speaker]) -> "SpeakerQueue":
        """Add the room in sign-in order, skipping whoever already waits or is sharing."""
        queue = self
        for speaker in attendees:
            if not queue.is_waiting(speaker.id) and not (
                queue.sharing is not None and queue.sharing.id == speaker.id
            ):
                queue = queue.add(speaker)
        return queue

    def readd_last(self) -> "SpeakerQueue":
        """Put the person who shared last back in the queue."""
        if self.last is None:
            raise ValidationError(N_("queue"), _("nobody has shared yet"))
        return self.add(self.last)

    # Moving (only the person moved changes place relative to the others)

    def move_up(self, speaker_id: str) -> "SpeakerQueue":
        index = self._index(speaker_id)
        return self._moved(index, max(index - 1, 0))

    def move_down(self, speaker_id: str) -> "SpeakerQueue":
        index = self._index(speaker_id)
        return self._moved(index, min(index + 1, len(self.waiting) - 1))

    def move_to_top(self, speaker_id: str) -> "SpeakerQueue":
        return self._moved(self._index(speaker_id), 0)

    # Sharing

    def call_next(self, pick: str | None = None) -> "SpeakerQueue":
        """The head of the queue (or `pick`, required in popcorn) starts sharing."""
        if self.sharing is not None:
            raise ValidationError(N_("queue"), _("end the current share first"))
        if not self.waiting:
            raise ValidationError(N_("queue"), _("nobody is waiting"))
        if pick is None and self.mode == "popcorn":
            raise ValidationError(N_("next speaker"),
                                  _("in popcorn the person who just shared picks"))
        index = self._next_index() if pick is None else self._index(pick)
        speaker = self.waiting[index]
        waiting = self.waiting[:index] + self.waiting[index + 1:]
        return replace(self, waiting=waiting, sharing=speaker, called_online=speaker.online)

    def finish(self) -> "SpeakerQueue":
        """The current share ends: it counts for the person, who becomes the last sharer."""
        speaker = self._sharing()
        counts = dict(self.share_counts)
        counts[speaker.id] = counts.get(speaker.id, 0) + 1
        return replace(self, sharing=None, last=speaker, share_counts=tuple(sorted(counts.items())))

    def pass_turn(self) -> "SpeakerQueue":
        """The person called declines: a pass, not a share; they leave the queue."""
        self._sharing()
        return replace(self, sharing=None, passes=self.passes + 1)

    # Settings

    def set_mode(self, mode: str) -> "SpeakerQueue":
        """Switch mode live; the order of the waiting people is kept."""
        return replace(self, mode=mode)

    def set_priority(self, on: bool) -> "SpeakerQueue":
        """Switching on moves prioritised people ahead, each group keeping its order."""
        if on and not self.priority:
            first = tuple(p for p in self.waiting if self.has_priority(p))
            rest = tuple(p for p in self.waiting if not self.has_priority(p))
            return replace(self, priority=True, waiting=first + rest)
        return replace(self, priority=on)

    # Snapshots for the live journal

    def to_dict(self) -> dict:
        return {
            "mode": self.mode,
            "priority": self.priority,
            "waiting": [person.to_dict() for person in self.waiting],
            "sharing": self.sharing.to_dict() if self.sharing else None,
            "last": self.last.to_dict() if self.last else None,
            "share_counts": dict(self.share_counts),
            "passes": self.passes,
            "hands": self.hands,
            **({} if self.called_online is None else {"called_online": self.called_online}),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "SpeakerQueue":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("queue"), _("is not an object"))
        counts = data.get("share_counts", {})
        if not isinstance(counts, Mapping):
            raise ValidationError(N_("shares"), _("must map speaker ids to counts"))

        def person(value: object) -> Speaker | None:
            return None if value is None else Speaker.from_dict(value)

        return cls(
            mode=data.get("mode", "hands"),
            priority=data.get("priority", True),
            waiting=tuple(Speaker.from_dict(item) for item in data.get("waiting", ())),
            sharing=person(data.get("sharing")),
            last=person(data.get("last")),
            share_counts=tuple(sorted(counts.items())),
            passes=data.get("passes", 0),
            hands=data.get("hands", 0),
            called_online=data.get("called_online"),
        )

    # Helpers

    def _next_index(self) -> int:
        """Where the next person called waits: the head, or in alternate mode the first
        waiting on the side due (the head when that side has nobody waiting)."""
        due = self.side_due
        if due is not None:
            for index, person in enumerate(self.waiting):
                if person.online == due:
                    return index
        return 0

    def _place_for(self, speaker: Speaker) -> int:
        if not self.priority or not self.has_priority(speaker):
            return len(self.waiting)
        # Right after the last prioritised person: first come first served among them,
        # and nobody already waiting is overtaken by someone of their own group.
        ahead = [i for i, person in enumerate(self.waiting) if self.has_priority(person)]
        return ahead[-1] + 1 if ahead else 0

    def _index(self, speaker_id: str) -> int:
        for index, person in enumerate(self.waiting):
            if person.id == speaker_id:
                return index
        raise ValidationError(N_("speaker"), _("is not waiting"))

    def _moved(self, source: int, target: int) -> "SpeakerQueue":
        waiting = list(self.waiting)
        waiting.insert(target, waiting.pop(source))
        return replace(self, waiting=tuple(waiting))

    def _sharing(self) -> Speaker:
        if self.sharing is None:
            raise ValidationError(N_("queue"), _("nobody is sharing"))
        return self.sharing
