"""The typed queue of a motion's discussion, ordered as TCQ orders it, as a pure value.

Each entry has a type, and where it joins depends on it:
- a *point of order* goes to the front (after earlier points of order);
- a *clarifying question* goes ahead of every reply and new point;
- a *reply* goes right after the point it answers (after earlier replies to it), or, replying
  to the person speaking now, ahead of every new point still waiting;
- a *new point* goes to the end.
Within a type, first come first served. Labels are first names held for this meeting only:
`to_dict` is for the live journal, never for the minutes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

ENTRY_TYPES = ("order", "question", "reply", "point")
# Translators: the kinds of entry in a motion's discussion queue, shown beside a name.
TYPE_NAMES = {"order": N_("point of order"), "question": N_("clarifying question"),
              "reply": N_("reply"), "point": N_("new point")}
LABEL_LIMIT = 40
MAX_WAITING = 500


@dataclass(frozen=True)
class Entry:
    """Someone waiting to speak: a number, a type, a label, and the point a reply answers
    (None: the person speaking now)."""

    id: int
    type: str
    label: str = ""
    answers: int | None = None

    def __post_init__(self) -> None:
        if self.type not in ENTRY_TYPES:
            raise ValidationError(N_("type"), _("must be one of {choices}").format(
                choices=", ".join(ENTRY_TYPES)))
        object.__setattr__(self, "label", validate.text(N_("label"), self.label,
                                                        maximum=LABEL_LIMIT))
        if self.answers is not None and self.type != "reply":
            raise ValidationError(N_("answers"), _("only a reply answers a point"))

    @property
    def shown(self) -> str:
        """'clarifying question: Sam' (the type always shown beside the label)."""
        name = _(TYPE_NAMES[self.type])
        # Translators: an entry waiting to speak: "clarifying question: Sam".
        return _("{type}: {label}").format(type=name, label=self.label) if self.label else name

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "label": self.label, "answers": self.answers}

    @classmethod
    def from_dict(cls, data: object) -> "Entry":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("entry"), _("is not an object"))
        return cls(validate.count(N_("entry"), data.get("id"), maximum=10**9), data.get("type"),
                   data.get("label", ""), _answers(data.get("answers")))


@dataclass(frozen=True)
class DiscussionQueue:
    """Who speaks now in the discussion, who waits, and the next entry number."""

    waiting: tuple[Entry, ...] = ()
    current: Entry | None = None
    next_id: int = 1

    def add(self, type: str, label: str = "", answers: int | None = None) -> "DiscussionQueue":
        """A new entry, placed where its type puts it."""
        if len(self.waiting) >= MAX_WAITING:
            raise ValidationError(N_("queue"), _("already holds {n} entries").format(
                n=MAX_WAITING))
        entry = Entry(self.next_id, type, label, answers)
        if type == "reply":
            self._check_answers(answers)
        at = self._position(entry)
        waiting = (*self.waiting[:at], entry, *self.waiting[at:])
        return replace(self, waiting=waiting, next_id=self.next_id + 1)

    def call_next(self) -> "DiscussionQueue":
        """The first entry waiting speaks; replies to it now answer the person speaking."""
        if not self.waiting:
            raise ValidationError(N_("queue"), _("nobody is waiting to speak"))
        first, rest = self.waiting[0], self.waiting[1:]
        rest = tuple(replace(e, answers=None) if e.answers == first.id else e for e in rest)
        return replace(self, waiting=rest, current=first)

    def remove(self, entry_id: int) -> "DiscussionQueue":
        """An entry leaves the queue; replies to it then answer the person speaking and move
        ahead of the new points, as such replies are placed."""
        if all(entry.id != entry_id for entry in self.waiting):
            raise ValidationError(N_("entry"), _("{entry} is not waiting").format(
                entry=entry_id))
        queue = replace(self, waiting=())
        for entry in self.waiting:
            if entry.id == entry_id:
                continue
            moved = replace(entry, answers=None) if entry.answers == entry_id else entry
            queue = queue._placed(moved)
        return queue

    def finish(self) -> "DiscussionQueue":
        """The person speaking has finished; nobody speaks until the next is called."""
        return replace(self, current=None)

    def _placed(self, entry: Entry) -> "DiscussionQueue":
        at = self._position(entry)
        return replace(self, waiting=(*self.waiting[:at], entry, *self.waiting[at:]))

    def _check_answers(self, answers: int | None) -> None:
        if answers is None:
            if self.current is None:
                raise ValidationError(N_("reply"),
                                      _("nobody is speaking: a reply answers a point"))
            return
        if not any(e.id == answers and e.type == "point" for e in self.waiting):
            raise ValidationError(N_("reply"), _("entry {entry} is not a new point waiting")
                                  .format(entry=answers))

    def _position(self, entry: Entry) -> int:
        waiting = self.waiting
        if entry.type == "point":
            return len(waiting)
        if entry.type == "reply" and entry.answers is not None:
            at = next(i for i, e in enumerate(waiting) if e.id == entry.answers) + 1
            while at < len(waiting) and waiting[at].answers == entry.answers:
                at += 1
            return at
        ahead = {"order": ("order",), "question": ("order", "question")}.get(entry.type)
        at = 0
        while at < len(waiting) and (waiting[at].type in ahead if ahead else
                                     _ahead_of_current_reply(waiting[at])):
            at += 1
        return at

    def to_dict(self) -> dict:
        return {"waiting": [e.to_dict() for e in self.waiting],
                "current": self.current.to_dict() if self.current else None,
                "next_id": self.next_id}

    @classmethod
    def from_dict(cls, data: object) -> "DiscussionQueue":
        """The queue from the journal, placed again entry by entry (its order is derived)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("waiting"), list):
            raise ValidationError(N_("queue"), _("is not a discussion queue"))
        current = data.get("current")
        queue = cls(current=None if current is None else Entry.from_dict(current))
        for entry in map(Entry.from_dict, data["waiting"]):
            if entry.answers is not None:
                queue._check_answers(entry.answers)
            queue = queue._placed(entry)
        top = max((e.id for e in (*queue.waiting, queue.current) if e), default=0)
        next_id = validate.count("next_id", data.get("next_id", top + 1), maximum=10**9)
        return replace(queue, next_id=max(next_id, top + 1))


def _ahead_of_current_reply(entry: Entry) -> bool:
    return entry.type in ("order", "question") or (entry.type == "reply"
                                                   and entry.answers is None)


def _answers(value: object) -> int | None:
    return None if value is None else validate.count(N_("answers"), value, maximum=10**9)
