"""The anonymous record of one meeting occurrence: counts only, never a name.

`Record` declares every field once, with its kind (core/record_fields.py): the checks, the
stored JSON, the CSV and JSON exports and the column-wise reading of stored rows all come
from that one declaration. Adding a field is one line here.

A record is a named tuple, cheap to make from values already checked: `Records`
(core/records.py) holds many of them column by column and hands out each one on demand.
`Record(...)` and `Record.from_dict(...)` check every value.
"""

from collections.abc import Iterable, Mapping
from datetime import date, time
from functools import partial
from typing import Annotated, NamedTuple, get_type_hints

from facilitator.core.checked_tuple import CheckedTuple
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.money import MAX_CENTS
from facilitator.core.records.record_fields import (NO_COUNTS, ClockTime, Count, Counts, Currency, Day,
                                            Kind, Money, Text)


_WITHIN_ATTENDANCE = Count(at_most="attendance",
                           beyond=N_("{value} is more than the attendance ({limit})"))


class _Fields(NamedTuple):
    """Every field of a record, in order, with its kind and (when optional) its default."""

    meeting: Annotated[str, Text(80, required=True)]
    date: Annotated[date, Day()]
    attendance: Annotated[int, Count()]
    newcomers: Annotated[int, _WITHIN_ATTENDANCE] = 0
    visitors: Annotated[int, _WITHIN_ATTENDANCE] = 0
    online: Annotated[int, _WITHIN_ATTENDANCE] = 0
    shares: Annotated[int, Count()] = 0
    share_seconds: Annotated[int, Count(10_000_000)] = 0
    passes: Annotated[int, Count()] = 0
    over_time: Annotated[int, Count(at_most="shares",
                                    beyond=N_("cannot be more than the number of shares"))] = 0
    chips: Annotated[Mapping[str, int], Counts()] = NO_COUNTS  # milestone -> chips given
    collection: Annotated[int, Money(MAX_CENTS)] = 0  # cents
    currency: Annotated[str, Currency()] = "USD"
    start: Annotated[time | None, ClockTime()] = None
    end: Annotated[time | None, ClockTime()] = None
    note: Annotated[str, Text(1000)] = ""
    sections: Annotated[Mapping[str, int], Counts()] = NO_COUNTS  # seconds per agenda part
    # The part of the collection given online (hybrid meetings); the rest was in the room.
    collection_online: Annotated[int, Money(MAX_CENTS, at_most="collection",
                                            beyond=N_("cannot be more than the whole collection"))] = 0


FIELDS: dict[str, Kind] = {name: hint.__metadata__[0] for name, hint
                           in get_type_hints(_Fields, include_extras=True).items()}
DEFAULTS: dict[str, object] = dict(_Fields._field_defaults)
REQUIRED = tuple(name for name in FIELDS if name not in DEFAULTS)
# Errors name a field by its name ("newcomers: 5 is more than the attendance (3)"); the
# words for the people who read them (CSV columns and stored keys keep the names).
FIELD_WORDS = (N_("meeting"), N_("date"), N_("attendance"), N_("newcomers"), N_("visitors"),
               N_("online"), N_("shares"), N_("share_seconds"), N_("passes"), N_("over_time"),
               N_("chips"), N_("collection"), N_("currency"), N_("start"), N_("end"),
               N_("note"), N_("sections"), N_("collection_online"))
# The order exports write: the date first (spreadsheets sort by it), then as declared.
COLUMNS = ("date", "meeting", *(name for name in FIELDS if name not in ("date", "meeting")))
# (field, the earlier field it cannot exceed)
LIMITS = tuple((name, kind.at_most) for name, kind in FIELDS.items()
               if isinstance(kind, Count) and kind.at_most)
COUNT_FIELDS = tuple(name for name, kind in FIELDS.items() if type(kind) is Count)
# Each count's limit, read from its kind: what a record holds and every message about it.
COUNT_LIMITS = {name: FIELDS[name].maximum for name in COUNT_FIELDS}


def count_field(name: str, value: object) -> int:
    """A record's count (a number or typed digits), checked against that count's limit."""
    return FIELDS[name].check(name, value)


class Record(CheckedTuple, _Fields):
    """Counts from one occurrence of a meeting; a record can only exist when valid."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs) -> "Record":
        given = _Fields.__new__(cls, *args, **kwargs)  # names and defaults, not yet checked
        return _checked(given, stored=False)

    @property
    def key(self) -> tuple[str, str]:
        """One record per meeting and date."""
        return (self.meeting.casefold(), self.date.isoformat())

    @property
    def collection_in_room(self) -> int:
        return self.collection - self.collection_online

    @property
    def chips_total(self) -> int:
        return sum(self.chips.values())

    def to_dict(self) -> dict:
        """The record as the database stores it."""
        return {name: kind.store(value) for (name, kind), value in zip(FIELDS.items(), self)}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Record":
        """A stored record read back, every value checked; unknown keys are ignored."""
        if not isinstance(data, Mapping):
            raise ValidationError(N_("record"), _("is not an object"))
        missing = [name for name in REQUIRED if name not in data]
        if missing:
            raise ValidationError(missing[0], _("is missing"))
        return _checked([data[name] if name in data else FIELDS[name].store(DEFAULTS[name])
                         for name in FIELDS], stored=True)


# A Record of values already checked (by Records' column checks): no second check.
unchecked_record = partial(tuple.__new__, Record)


def _checked(given: Iterable, *, stored: bool) -> Record:
    """The Record of `given` (a value per field, in order), each value checked: as given
    to `Record(...)`, or as the database file holds it."""
    values = {}
    for (name, kind), value in zip(FIELDS.items(), given):
        values[name] = value = kind.load(name, value) if stored else kind.check(name, value)
        if isinstance(kind, Count) and kind.at_most and value > values[kind.at_most]:
            raise ValidationError(name, _(kind.beyond).format(value=value,
                                                              limit=values[kind.at_most]))
    return unchecked_record(values.values())
