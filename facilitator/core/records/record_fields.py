"""The kinds of value a record holds: how each is checked, stored and written out.

A record's fields are declared once, in `Record` (core/record.py), each with its kind.
Everything else comes from the kind: checking a value given to `Record(...)`, reading a
stored JSON value (one at a time, or a whole column of stored rows at once), the stored
JSON, the CSV cell and its reading back, and the JSON export.

A whole column is checked with the same `load` as a single value, once per distinct value
(a history of 100,000 records holds a few thousand dates and a few hundred notes); counts
are checked at their smallest and largest. When a column holds anything unusual, the
answer is None and the rows are read one by one, which names the exact problem.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, time
from itertools import chain, compress
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import unquote

from facilitator.core import validate
from facilitator.core.dates import EARLIEST, LATEST, DateOrder, parse_date
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _
from facilitator.core.schedule.meeting import parse_time
from facilitator.core.money import parse_amount
from facilitator.core.text_out import csv_cell, csv_text

NO_COUNTS: Mapping[str, int] = MappingProxyType({})
PER_KEY_LIMIT = 10_000_000  # a count in `chips` or seconds in `sections`


class CellContext(NamedTuple):
    """What reading a CSV cell may need: today, the group's date order and currency."""

    today: date
    order: DateOrder | str | None = None
    currency: str = "USD"


def held_once(values: Iterable) -> tuple[list, Iterable]:
    """The values with each distinct one held once (a few hundred meeting names where the
    file made 100,000 strings), and the distinct values. Every later pass over the column,
    the garbage collector's too as the history screen opens, touches a few objects that
    stay in the processor's cache, not 100,000 spread over memory."""
    first: dict = {}
    held = list(map(first.setdefault, values, values))
    return held, first.keys()


class Kind:
    """One kind of field. Subclasses override what differs from plain JSON values."""

    stored_types: frozenset[type] = frozenset()  # JSON types a valid stored value can have
    blank_is_value = False  # an empty CSV cell means something else than the default

    def check(self, field: str, value: object) -> object:
        """The value as a record keeps it; ValidationError naming `field` when it is wrong."""
        raise NotImplementedError

    def load(self, field: str, stored: object) -> object:
        """A stored JSON value read back; same errors as `check`."""
        return self.check(field, stored)

    def load_column(self, field: str, stored: Sequence) -> Sequence | None:
        """Every row's stored value at once, or None when one needs a closer look.

        Each distinct value is held once in the column (`held_once`)."""
        try:
            held, distinct = held_once(stored)
        except TypeError:  # a list or an object where text belongs
            return None
        # Types are looked at once per distinct value: a kind whose stored types hold a
        # number overrides this, since True or 1.0 can hide behind an equal 1 in a dict.
        if not set(map(type, distinct)) <= self.stored_types:
            return None
        return self._load_distinct(field, held, distinct)

    def _load_distinct(self, field: str, stored: Sequence,
                       distinct: Iterable) -> Sequence | None:
        try:
            loaded = {value: self.load(field, value) for value in distinct}
        except ValidationError:
            return None
        if all(value == loaded[value] for value in distinct):
            return stored  # already as a record keeps it (text trimmed, codes in capitals)
        return list(map(loaded.__getitem__, stored))

    def in_record(self, value: object) -> object:
        """A value of a checked column as a Record holds it."""
        return value

    def store(self, value: object) -> object:
        """The value as the database file holds it."""
        return value

    def export(self, value: object) -> object:
        """The value in the JSON export."""
        return self.store(value)

    def export_column(self, values: Sequence) -> Sequence:
        return list(map(self.export, values))

    def text(self, value: object) -> object:
        """The value in a CSV cell (numbers are left to the csv module)."""
        return value

    def text_column(self, values: Sequence) -> Sequence:
        return values

    def parse(self, field: str, text: str, context: CellContext) -> object:
        """A CSV cell as the value given to `Record(...)` (which checks it)."""
        return text


class Text(Kind):
    """Printable text, trimmed, within a length."""

    stored_types = frozenset({str})

    def __init__(self, maximum: int, *, required: bool = False) -> None:
        self.maximum, self.required = maximum, required

    def check(self, field: str, value: object) -> str:
        return validate.text(field, value, maximum=self.maximum, required=self.required)

    def text(self, value: str) -> str:
        """A cell a spreadsheet would take for a formula is neutralised (parse undoes it)."""
        return csv_cell(value)

    def text_column(self, values: Sequence) -> Sequence:
        if all(csv_cell(value) is value for value in set(values)):
            return values  # the usual case: no name or note starts like a formula
        return _through_distinct(csv_cell, values)

    def parse(self, field: str, text: str, context: CellContext) -> str:
        return csv_text(text)


class Count(Kind):
    """A whole number from 0 to `maximum`; optionally no more than an earlier field."""

    stored_types = frozenset({int, str})  # digits kept as text read as the number

    def __init__(self, maximum: int = 100_000, *, at_most: str | None = None,
                 beyond: str = "") -> None:
        self.maximum = maximum
        self.at_most = at_most  # the field this one cannot exceed
        self.beyond = beyond  # what is said when it does: {value} and {limit} are filled in

    def check(self, field: str, value: object) -> int:
        return validate.count(field, value, maximum=self.maximum)

    def load_column(self, field: str, stored: Sequence) -> Sequence | None:
        types = set(map(type, stored))  # of every value: True would hide behind an equal 1
        if not types <= self.stored_types:
            return None
        if types != {int}:
            return self._load_distinct(field, stored, set(stored))
        try:  # for whole numbers the check is a range: the extremes settle every value
            self.check(field, min(stored))
            self.check(field, max(stored))
        except ValidationError:
            return None
        return stored


class Money(Count):
    """An amount in cents; written out as '12.50'."""

    def export(self, cents: int) -> str:
        return cents_text(cents)

    def export_column(self, values: Sequence) -> Sequence:
        return _through_distinct(cents_text, values)

    text = export
    text_column = export_column

    def parse(self, field: str, text: str, context: CellContext) -> int:
        return parse_amount(text)


class Currency(Kind):
    """A three-letter code such as USD, kept in capitals."""

    stored_types = frozenset({str})
    blank_is_value = True  # a blank cell is the group's currency

    def check(self, field: str, value: object) -> str:
        code = validate.text(field, value, maximum=3, required=True).upper()
        if len(code) != 3 or not code.isalpha():
            raise ValidationError(field, _("{code} is not a 3-letter code such as USD").format(
                code=repr(code)))
        return code

    def parse(self, field: str, text: str, context: CellContext) -> str:
        return text or context.currency


class Day(Kind):
    """A calendar date from EARLIEST to LATEST; stored as YYYY-MM-DD."""

    stored_types = frozenset({str})

    def check(self, field: str, value: object) -> date:
        if type(value) is not date:  # a datetime is a date too, but not a day
            raise ValidationError(field, _("must be a date (YYYY-MM-DD)"))
        if not EARLIEST <= value <= LATEST:  # history also reads the year before
            raise ValidationError(field, _("{day} is not from {earliest} to {latest}").format(
                day=value.isoformat(), earliest=EARLIEST.isoformat(), latest=LATEST.isoformat()))
        return value

    def load(self, field: str, stored: object) -> date:
        try:
            if not (isinstance(stored, str) and len(stored) == 10 and stored[4] == stored[7] == "-"):
                raise ValueError
            day = date.fromisoformat(stored)
        except ValueError:
            raise ValidationError(field, _("{value} is not YYYY-MM-DD").format(
                value=repr(str(stored)[:20]))) from None
        return self.check(field, day)

    def store(self, day: date) -> str:
        return day.isoformat()

    def export_column(self, values: Sequence) -> Sequence:
        return _through_distinct(date.isoformat, values)

    text = store
    text_column = export_column

    def parse(self, field: str, text: str, context: CellContext) -> date:
        return parse_date(text, today=context.today, order=context.order, field=field)


class ClockTime(Kind):
    """A time of day (HH:MM, 24-hour) or none; stored as 'HH:MM' or null."""

    stored_types = frozenset({str, type(None)})

    def check(self, field: str, value: object) -> time | None:
        if value is not None and type(value) is not time:
            raise ValidationError(field, _("must be a time (HH:MM)"))
        return value

    def load(self, field: str, stored: object) -> time | None:
        return None if stored is None else parse_time(stored, field)

    def store(self, value: time | None) -> str | None:
        return None if value is None else f"{value.hour:02d}:{value.minute:02d}"

    def export_column(self, values: Sequence) -> Sequence:
        return _through_distinct(self.store, values)

    def text(self, value: time | None) -> str:
        return self.store(value) or ""

    def text_column(self, values: Sequence) -> Sequence:
        return _through_distinct(self.text, values)

    def parse(self, field: str, text: str, context: CellContext) -> time:
        return parse_time(text, field)


class Counts(Kind):
    """Names mapped to counts (chips by milestone, seconds by agenda part); read-only."""

    stored_types = frozenset({dict})

    def check(self, field: str, value: object) -> Mapping[str, int]:
        if not isinstance(value, Mapping):
            raise ValidationError(field, _("must map names to counts"))
        if not value:
            return NO_COUNTS
        checked = {}
        for key, number in value.items():
            key = validate.text(field, key, maximum=40, required=True)
            checked[key] = validate.count(f"{field} {key}", number, maximum=PER_KEY_LIMIT)
        return MappingProxyType(checked)

    def load_column(self, field: str, stored: Sequence) -> Sequence | None:
        """The stored dicts themselves once checked: the database never changes a stored
        row in place, and each Record gets them read-only (`in_record`). Copies would be
        tens of thousands of new objects for the garbage collector to walk."""
        if set(map(type, stored)) - {dict}:
            return None
        held = list(filter(None, stored))  # most rows hold none
        keys = set(chain.from_iterable(held))
        counts = list(chain.from_iterable(map(dict.values, held)))
        if not self.names_kept(field, keys):
            return None
        try:
            if counts:
                if set(map(type, counts)) != {int}:
                    return None
                some_key = next(iter(keys))
                self.check(field, {some_key: min(counts)})
                self.check(field, {some_key: max(counts)})
        except ValidationError:
            return None
        return stored

    def names_kept(self, field: str, names: set) -> bool:
        """Whether every name is one the check takes as it is (not refused, not trimmed)."""
        try:
            return all(self.check(field, {name: 0}).keys() == {name} for name in names)
        except ValidationError:
            return False

    def in_record(self, value: Mapping[str, int]) -> Mapping[str, int]:
        if type(value) is MappingProxyType:
            return value
        return MappingProxyType(value) if value else NO_COUNTS

    def store(self, value: Mapping[str, int]) -> dict:
        return dict(value)

    def export_column(self, values: Sequence) -> Sequence:
        return [dict(counted) if counted else {} for counted in values]

    def text(self, value: Mapping[str, int]) -> str:
        return csv_cell(encode_counts(value))  # a milestone name can start like a formula

    def text_column(self, values: Sequence) -> Sequence:
        # Worked out once per distinct set of counts: a group gives the same few chips.
        # Only the rows holding some are looked at: most hold none.
        texts: dict[tuple, str] = {}
        column = [""] * len(values)
        for position in compress(range(len(values)), values):
            counted = values[position]
            items = tuple(counted.items())
            text = texts.get(items)
            if text is None:
                text = texts[items] = self.text(counted)
            column[position] = text
        return column

    def parse(self, field: str, text: str, context: CellContext) -> dict[str, int]:
        return decode_counts(csv_text(text), field)


def _through_distinct(convert, values: Sequence) -> list:
    """convert(value) for each value, worked out once per distinct value."""
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def cents_text(cents: int) -> str:
    """1250 -> '12.50': no thousands separator, so it reads back exactly."""
    whole, part = divmod(cents, 100)
    return f"{whole}.{part:02d}"


def encode_counts(counts: Mapping[str, int] | None) -> str:
    """{'30d': 2, '1y': 1} -> '30d:2;1y:1'; ':' ';' '%' in a name are percent-encoded."""
    if not counts:
        return ""
    return ";".join(f"{_escape(key)}:{number}" for key, number in counts.items())


def decode_counts(text: str, field: str) -> dict[str, int]:
    """'30d:2;1y:1' -> {'30d': 2, '1y': 1}; raise ValidationError naming `field`."""
    counts: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        key, colon, number = part.rpartition(":")
        key = unquote(key.strip())
        if not colon or not key:
            raise ValidationError(field, _("{part} is not name:count, e.g. 30d:2").format(
                part=repr(part[:30])))
        if key in counts:
            raise ValidationError(field, _("{key} is given twice").format(key=repr(key)))
        counts[key] = validate.count(f"{field} {key}", number, maximum=PER_KEY_LIMIT)
    return counts


def _escape(key: str) -> str:
    return key.replace("%", "%25").replace(":", "%3A").replace(";", "%3B")
