"""A meeting the group holds: its name, schedule, types and share length."""

import re
from datetime import time
from typing import NamedTuple

from facilitator.core import validate
from facilitator.core.checked_tuple import CheckedTuple
from facilitator.core.errors import ValidationError
from facilitator.core.calendar_words import fold, weekday_abbrs, weekday_numbers
from facilitator.core.i18n import N_, _, locale, pgettext

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
QUEUE_MODES = ("hands", "round", "popcorn", "alternate")
# What each mode is called on screen (translated where shown: `_(QUEUE_MODE_NAMES[mode])`).
QUEUE_MODE_NAMES = {"hands": N_("raised hands"), "round": N_("round-robin"),
                    "popcorn": N_("popcorn"), "alternate": N_("room / online in turn")}
DURATION_LIMIT = 24 * 60  # minutes
SHARE_MINUTES_LIMIT = 30
_TIME = re.compile(r"([01]?\d|2[0-3])[:.h]([0-5]\d)")


def parse_days(text: str) -> tuple[int, ...]:
    """'tue,thu' -> (1, 3): Python weekday numbers, Monday is 0. The language's names are
    read too ('mar,jue', 'miércoles')."""
    days = []
    named = weekday_numbers(locale())
    for part in filter(None, (piece.strip().lower() for piece in text.split(","))):
        if fold(part) in named:
            days.append(named[fold(part)])
            continue
        matches = [i for i, name in enumerate(_DAY_NAMES) if len(part) >= 2 and name.startswith(part)]
        if len(matches) != 1:
            raise ValidationError(N_("day"), _("{day} is not a weekday; use mon, tue, … "
                                               "sun").format(day=repr(part[:20])))
        days.append(matches[0])
    return tuple(sorted(set(days)))


def parse_time(text: str, field: str | None = None) -> time:
    """'19:00' or '7.30' -> time; 24-hour clock (`field` in the language in use, or "time")."""
    field = field or pgettext("field", "time")
    if not isinstance(text, str):
        raise ValidationError(field, _("must be a time (HH:MM)"))
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise ValidationError(field, _("{text} is not a time; use HH:MM (24-hour)").format(
            text=repr(text.strip()[:20])))
    return time(int(match[1]), int(match[2]))


def parse_types(text: str, known: frozenset[str]) -> tuple[str, ...]:
    """'O,D' -> ('O', 'D'), each code checked against the Meeting Guide list."""
    # Codes are matched regardless of case but kept as the list spells them ("12x12").
    spelled = {code.upper(): code for code in known}
    given = dict.fromkeys(c.strip().upper() for c in text.split(",") if c.strip())
    unknown = [code for code in given if code not in spelled]
    if unknown:
        raise ValidationError(N_("types"), _("unknown Meeting Guide type code {codes}").format(
            codes=", ".join(unknown)))
    return tuple(spelled[code] for code in given)


class _MeetingFields(NamedTuple):
    """A meeting's every setting, in order, with its default."""

    name: str
    days: tuple[int, ...] = ()
    start: time | None = None
    duration_minutes: int | None = None
    types: tuple[str, ...] = ()
    share_minutes: int = 5
    queue_mode: str = "hands"
    priority: bool = True
    agenda: tuple[dict, ...] = ()


class Meeting(CheckedTuple, _MeetingFields):
    """A meeting of the group; its name is unique regardless of case. It exists only when
    valid.

    A named tuple (loaded at every start: a frozen dataclass compiles its methods from
    source as its module loads, about ten times the cost)."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs) -> "Meeting":
        given = _MeetingFields.__new__(cls, *args, **kwargs)  # names and defaults
        name = validate.text(N_("name"), given.name, maximum=80, required=True)
        _check(given)
        return tuple.__new__(cls, (name, *given[1:]))

    @property
    def key(self) -> str:
        """The name as compared for uniqueness."""
        return self.name.casefold()

    def day_names(self) -> list[str]:
        """The meeting's days as the language in use shortens them, as `parse_days` reads
        them back: ['tue', 'thu'], ['mar', 'jue']."""
        names = weekday_abbrs()  # Monday first, as `days` counts
        return [names[day].lower() for day in self.days]

    def describe_schedule(self) -> str:
        """'tue, thu 19:00 (60 min)' or '' when there is no schedule ('mar, jue' in
        Spanish)."""
        parts = [", ".join(self.day_names())]
        if self.start:
            parts.append(self.start.strftime("%H:%M"))
        if self.duration_minutes:
            # Translators: a meeting's length in minutes, shortened: "(60 min)".
            parts.append(_("({minutes} min)").format(minutes=self.duration_minutes))
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        data = self._asdict()
        data["days"] = list(self.days)
        data["types"] = list(self.types)
        data["agenda"] = [dict(section) for section in self.agenda]
        data["start"] = self.start.strftime("%H:%M") if self.start else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Meeting":
        known = set(cls._fields)
        values = {key: value for key, value in data.items() if key in known}
        if values.get("start"):
            values["start"] = parse_time(values["start"], pgettext("field", "start"))
        values["days"] = tuple(values.get("days", ()))
        values["types"] = tuple(values.get("types", ()))
        values["agenda"] = tuple(values.get("agenda", ()))
        return cls(**values)


def _check(given: _MeetingFields) -> None:
    """ValidationError naming the first setting of `given` that is wrong (but the name)."""
    if any(type(d) is not int or not 0 <= d <= 6 for d in given.days):
        raise ValidationError(N_("day"), _("weekdays must be 0 (Monday) to 6 (Sunday)"))
    if given.start is not None and not isinstance(given.start, time):
        raise ValidationError(pgettext("field", "start"), _("must be a time (HH:MM)"))
    if given.duration_minutes is not None:
        minutes = validate.count(N_("duration"), given.duration_minutes,
                                 maximum=DURATION_LIMIT)
        if minutes == 0:
            raise ValidationError(N_("duration"), _("must be at least 1 minute"))
    share = validate.count(N_("share minutes"), given.share_minutes,
                           maximum=SHARE_MINUTES_LIMIT)
    if share < 1:
        raise ValidationError(N_("share minutes"), _("must be from {low} to {high}").format(
            low=1, high=SHARE_MINUTES_LIMIT))
    if given.queue_mode not in QUEUE_MODES:
        raise ValidationError(N_("queue mode"), _("must be one of {values}").format(
            values=", ".join(QUEUE_MODES)))
