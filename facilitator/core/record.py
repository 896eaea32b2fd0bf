"""The anonymous record of one meeting occurrence: counts only, never a name."""

from dataclasses import dataclass, field, replace
from datetime import date, time
from types import MappingProxyType
from typing import Mapping

from facilitator.core import validate
from facilitator.core.dates import EARLIEST, LATEST
from facilitator.core.errors import ValidationError
from facilitator.core.meeting import parse_time
from facilitator.core.money import MAX_CENTS

COUNT_FIELDS = ("attendance", "newcomers", "visitors", "online", "shares", "share_seconds",
                "over_time", "passes")
# Each count's limit, in one place: what a record holds and every message about it.
COUNT_LIMITS = dict.fromkeys(COUNT_FIELDS, 100_000) | {"share_seconds": 10_000_000}
PER_KEY_LIMIT = 10_000_000  # a count in `chips` or seconds in `sections`


def count_field(name: str, value: object) -> int:
    """A record's count (a number or typed digits), checked against that count's limit."""
    return validate.count(name, value, maximum=COUNT_LIMITS[name])


@dataclass(frozen=True)
class Record:
    """Counts from one occurrence of a meeting; a record can only exist when valid."""

    meeting: str
    date: date
    attendance: int
    newcomers: int = 0
    visitors: int = 0
    online: int = 0
    shares: int = 0
    share_seconds: int = 0
    over_time: int = 0
    passes: int = 0
    chips: Mapping[str, int] = field(default_factory=dict)
    collection: int = 0  # cents
    currency: str = "USD"
    start: time | None = None
    end: time | None = None
    note: str = ""
    sections: Mapping[str, int] = field(default_factory=dict)  # seconds spent per agenda part

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "meeting", validate.text("meeting", self.meeting, maximum=80, required=True))
        if not isinstance(self.date, date):
            raise ValidationError("date", "must be a date (YYYY-MM-DD)")
        if not EARLIEST <= self.date <= LATEST:  # history also reads the year before
            raise ValidationError("date", f"{self.date.isoformat()} is not from "
                                          f"{EARLIEST.isoformat()} to {LATEST.isoformat()}")
        for name in COUNT_FIELDS:
            set_(self, name, count_field(name, getattr(self, name)))
        for name in ("newcomers", "visitors", "online"):
            if getattr(self, name) > self.attendance:
                raise ValidationError(
                    name, f"{getattr(self, name)} is more than the attendance ({self.attendance})"
                )
        if self.over_time > self.shares:
            raise ValidationError("over_time", "cannot be more than the number of shares")
        set_(self, "chips", _frozen_counts("chips", self.chips))
        set_(self, "sections", _frozen_counts("sections", self.sections))
        set_(self, "collection", validate.count("collection", self.collection, maximum=MAX_CENTS))
        currency = validate.text("currency", self.currency, maximum=3, required=True).upper()
        if len(currency) != 3 or not currency.isalpha():
            raise ValidationError("currency", f"{currency!r} is not a 3-letter code such as USD")
        set_(self, "currency", currency)
        set_(self, "note", validate.text("note", self.note, maximum=1000))
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, time):
                raise ValidationError(name, "must be a time (HH:MM)")

    @property
    def key(self) -> tuple[str, str]:
        """One record per meeting and date."""
        return (self.meeting.casefold(), self.date.isoformat())

    @property
    def chips_total(self) -> int:
        return sum(self.chips.values())

    def edit(self, **changes) -> "Record":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {
            "meeting": self.meeting,
            "date": self.date.isoformat(),
            **{name: getattr(self, name) for name in COUNT_FIELDS},
            "chips": dict(self.chips),
            "collection": self.collection,
            "currency": self.currency,
            "start": self.start.strftime("%H:%M") if self.start else None,
            "end": self.end.strftime("%H:%M") if self.end else None,
            "note": self.note,
            "sections": dict(self.sections),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "Record":
        if not isinstance(data, Mapping):
            raise ValidationError("record", "is not an object")
        try:
            day = date.fromisoformat(data["date"])
        except KeyError:
            raise ValidationError("date", "is missing") from None
        except (TypeError, ValueError):
            raise ValidationError("date", f"{str(data['date'])[:20]!r} is not YYYY-MM-DD") from None
        known = cls.__dataclass_fields__
        values = {key: value for key, value in data.items() if key in known}
        values["date"] = day
        for name in ("start", "end"):
            if values.get(name):
                values[name] = parse_time(values[name], name)
        if "meeting" not in values or "attendance" not in values:
            raise ValidationError("meeting" if "meeting" not in values else "attendance", "is missing")
        return cls(**values)


def _frozen_counts(field_name: str, value: object) -> Mapping[str, int]:
    if not isinstance(value, Mapping):
        raise ValidationError(field_name, "must map names to counts")
    checked = {}
    for key, number in value.items():
        key = validate.text(field_name, key, maximum=40, required=True)
        checked[key] = validate.count(f"{field_name} {key}", number, maximum=PER_KEY_LIMIT)
    return MappingProxyType(checked)
