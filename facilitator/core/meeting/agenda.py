"""A meeting's format: ordered, timeboxed sections, and the agenda's progress during a meeting.

A `Format` is stored with its meeting as `Meeting.agenda` (`Format.to_list()`; read back with
`Format.from_list(meeting.agenda)`). Every edit returns a new value. `AgendaProgress` follows
the meeting on its timeline (seconds since the meeting started, from the injected clock).
"""

from dataclasses import dataclass, field, replace

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

# What a section is for, so the meeting screen can offer the right tool at the right time.
KINDS = ("other", "shares", "speaker", "chips", "collection", "report", "business")
MAX_SECTIONS = 40
MAX_MINUTES = 240
TITLE_LIMIT = 40  # also the limit of a key in Record.sections
_FIELDS = ("title", "minutes", "reading", "kind", "note")


@dataclass(frozen=True)
class Section:
    """One part of the meeting: a title, a planned length, optionally a reading file."""

    title: str
    minutes: int
    reading: str | None = None  # a file of the group's own, relative to readings/ or absolute
    kind: str = "other"
    note: str = ""  # a short prompt for the chair, shown when there is no reading

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "title", validate.text(N_("title"), self.title, maximum=TITLE_LIMIT, required=True))
        minutes = validate.count(N_("minutes"), self.minutes, maximum=MAX_MINUTES)
        if minutes < 1:
            raise ValidationError(N_("minutes"), _("must be from 1 to {limit}").format(
                limit=MAX_MINUTES))
        set_(self, "minutes", minutes)
        reading = validate.text(N_("reading"), self.reading or "", maximum=255)
        set_(self, "reading", reading or None)
        if self.kind not in KINDS:
            raise ValidationError(N_("kind"), _("{name} is not one of {names}").format(
                name=repr(str(self.kind)[:20]), names=", ".join(KINDS)))
        set_(self, "note", validate.text(N_("note"), self.note, maximum=200))

    @property
    def seconds(self) -> int:
        return self.minutes * 60

    def to_dict(self) -> dict:
        data = {"title": self.title, "minutes": self.minutes, "kind": self.kind}
        if self.reading:
            data["reading"] = self.reading
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: object) -> "Section":
        if not isinstance(data, dict):
            raise ValidationError(N_("section"), _("must be an object with a title and minutes"))
        unknown = [str(key)[:20] for key in data if key not in _FIELDS]
        if unknown:
            raise ValidationError(unknown[0], _("is not a section field; use {fields}").format(
                fields=", ".join(_FIELDS)))
        for required in ("title", "minutes"):
            if required not in data:
                raise ValidationError(required, _("is missing"))
        return cls(**data)


@dataclass(frozen=True)
class Format:
    """The ordered sections of a meeting; an empty format means the meeting has no agenda."""

    sections: tuple[Section, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", tuple(self.sections))
        if len(self.sections) > MAX_SECTIONS:
            raise ValidationError(N_("format"), _("has {n} sections; the limit is {limit}").format(
                n=len(self.sections), limit=MAX_SECTIONS))
        if self.total_minutes > 24 * 60:
            raise ValidationError(N_("format"), _("lasts {minutes} minutes, more than a day").format(
                minutes=self.total_minutes))

    def __len__(self) -> int:
        return len(self.sections)

    @property
    def total_minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    def shares_index(self, start: int = 0) -> int | None:
        """The first shares section at or after `start`, if any."""
        return next((i for i in range(start, len(self.sections))
                     if self.sections[i].kind == "shares"), None)

    # -- editing: each returns a new format ----------------------------------------------

    def add(self, section: Section, at: int | None = None) -> "Format":
        """Insert `section` before position `at` (at the end by default)."""
        at = len(self.sections) if at is None else max(0, min(at, len(self.sections)))
        return Format(self.sections[:at] + (section,) + self.sections[at:])

    def remove(self, index: int) -> "Format":
        self._check(index)
        return Format(self.sections[:index] + self.sections[index + 1:])

    def move_up(self, index: int) -> "Format":
        """Swap with the section before; the first stays first."""
        self._check(index)
        return self._swap(index - 1, index) if index > 0 else self

    def move_down(self, index: int) -> "Format":
        """Swap with the section after; the last stays last."""
        self._check(index)
        return self._swap(index, index + 1) if index < len(self.sections) - 1 else self

    def edit_section(self, index: int, **changes) -> "Format":
        """Change any field of one section (validated again)."""
        self._check(index)
        sections = list(self.sections)
        sections[index] = replace(sections[index], **changes)
        return Format(tuple(sections))

    def _swap(self, first: int, second: int) -> "Format":
        sections = list(self.sections)
        sections[first], sections[second] = sections[second], sections[first]
        return Format(tuple(sections))

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.sections):
            raise ValidationError(N_("section"), _("there is no section {number}; the format "
                                                   "has {n}").format(number=index + 1,
                                                                     n=len(self.sections)))

    # -- storing -------------------------------------------------------------------------

    def to_list(self) -> list[dict]:
        return [section.to_dict() for section in self.sections]

    @classmethod
    def from_list(cls, data: object) -> "Format":
        """Sections from a list of dicts; an error names the section number and the field."""
        if not isinstance(data, (list, tuple)):
            raise ValidationError(N_("format"), _("must be a list of sections"))
        sections = []
        for number, item in enumerate(data, start=1):
            try:
                sections.append(Section.from_dict(item))
            except ValidationError as error:
                field = _("section {number} {field}").format(number=number, field=_(error.field))
                raise ValidationError(field, error.reason) from None
            except TypeError:
                raise ValidationError(_("section {number}").format(number=number),
                                      _("is not a valid section")) from None
        return cls(tuple(sections))


def drift_text(seconds: float) -> str:
    """'3 min behind', '2 min ahead', or 'on time' within a minute either way."""
    minutes = int(abs(seconds) // 60)
    if minutes == 0:
        return _("on time")
    if seconds > 0:
        return _("{minutes} min behind").format(minutes=minutes)
    return _("{minutes} min ahead").format(minutes=minutes)


@dataclass(frozen=True)
class AgendaProgress:
    """Where the meeting is in its format; times are seconds on the meeting's timeline."""

    format: Format
    index: int = 0  # the current section; len(format) once the agenda is done
    entered_at: float = 0.0  # when the current section (last) began
    started_at: float = 0.0  # when the first section began
    spent: tuple[float, ...] = field(default=())  # seconds per section, before `entered_at`

    def __post_init__(self) -> None:
        if len(self.spent) != len(self.format):
            object.__setattr__(self, "spent", (0.0,) * len(self.format))

    @classmethod
    def start(cls, format: Format, now: float) -> "AgendaProgress":
        return cls(format, 0, now, now)

    @property
    def finished(self) -> bool:
        return self.index >= len(self.format)

    @property
    def current(self) -> Section | None:
        return None if self.finished else self.format.sections[self.index]

    @property
    def upcoming(self) -> Section | None:
        """What comes after the current section."""
        following = self.index + 1
        return self.format.sections[following] if following < len(self.format) else None

    def next(self, now: float) -> "AgendaProgress":
        """Close the current section and begin the one after (after the last: finished)."""
        return self if self.finished else self.go_to(self.index + 1, now)

    def previous(self, now: float) -> "AgendaProgress":
        """Back to the section before; time spent there keeps adding up."""
        if self.index == 0:
            return self
        if self.finished:
            # Going back from the end means the last section had not really ended.
            spent = list(self.spent)
            spent[-1] += max(0.0, now - self.entered_at)
            return replace(self, index=self.index - 1, entered_at=now, spent=tuple(spent))
        return self.go_to(self.index - 1, now)

    def go_to(self, index: int, now: float) -> "AgendaProgress":
        index = max(0, min(index, len(self.format)))
        return replace(self, index=index, entered_at=now, spent=self.used_by_section(now))

    def used(self, now: float) -> float:
        """Seconds used in the current section, earlier visits included."""
        return 0.0 if self.finished else self.used_by_section(now)[self.index]

    def remaining(self, now: float) -> float:
        """Seconds left of the current section's plan; negative when over."""
        return 0.0 if self.finished else self.current.seconds - self.used(now)

    def over(self, now: float) -> bool:
        return self.remaining(now) < 0

    def drift(self, now: float) -> float:
        """Seconds behind the format (negative: ahead): what the sections already left took
        beyond their plan (a skipped one gives its time back), plus the current section's
        overrun as it grows."""
        spent = self.used_by_section(now)
        sections = self.format.sections
        done = min(self.index, len(sections))
        behind = sum(spent[i] - sections[i].seconds for i in range(done))
        if not self.finished:
            behind += max(0.0, spent[self.index] - sections[self.index].seconds)
        return behind

    def used_by_section(self, now: float) -> tuple[float, ...]:
        spent = list(self.spent)
        if not self.finished:
            spent[self.index] += max(0.0, now - self.entered_at)
        return tuple(spent)

    def shares_time_left(self, now: float, meeting_end: float | None = None) -> float | None:
        """Seconds left for the current (or next) shares section, or None without one.

        Shares end when the sections after them still need their planned time before the
        meeting's end (by default the start plus the format's planned length), so earlier
        sections that ran long shrink the shares and short ones give them time.
        """
        if self.finished:
            return None
        target = self.format.shares_index(self.index)
        if target is None:
            return None
        sections = self.format.sections
        end = self.started_at + self.format.total_minutes * 60 if meeting_end is None else meeting_end
        shares_end = end - sum(s.seconds for s in sections[target + 1:])
        shares_begin = now
        if target != self.index:
            shares_begin += max(0.0, self.remaining(now))
            shares_begin += sum(s.seconds for s in sections[self.index + 1:target])
        return max(0.0, shares_end - shares_begin)

    def seconds_by_section(self, now: float) -> dict[str, int]:
        """Whole seconds spent per section title, for `Record.sections` (visited ones only)."""
        totals: dict[str, int] = {}
        for section, seconds in zip(self.format.sections, self.used_by_section(now)):
            if seconds > 0:
                totals[section.title] = totals.get(section.title, 0) + round(seconds)
        return totals

    def to_dict(self) -> dict:
        return {"format": self.format.to_list(), "index": self.index, "entered_at": self.entered_at,
                "started_at": self.started_at, "spent": list(self.spent)}

    @classmethod
    def from_dict(cls, data: dict) -> "AgendaProgress":
        return cls(Format.from_list(data["format"]), int(data["index"]), float(data["entered_at"]),
                   float(data["started_at"]), tuple(float(s) for s in data["spent"]))
