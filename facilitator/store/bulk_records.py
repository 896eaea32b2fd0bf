"""Many stored rows made into Records at once, checked column by column.

Building 100,000 records through `Record.from_dict` checks every field of every row in
Python, which is most of the time it takes to read a long history. Here each column is
checked in one go with built-ins (types, smallest, largest), each distinct text is checked
once, and only when every row passes is the record made without checking it again. When
anything is unusual the rows go through `Record.from_dict`, which gives the exact error;
either way the records are the same.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import MISSING, fields
from datetime import date
from operator import itemgetter, le
from types import MappingProxyType

from facilitator.core.dates import EARLIEST, LATEST
from facilitator.core.errors import ValidationError
from facilitator.core.meeting import parse_time
from facilitator.core.money import MAX_CENTS
from facilitator.core.record import COUNT_LIMITS, Record

FIELDS = tuple(spec.name for spec in fields(Record))
_REQUIRED = ("meeting", "date", "attendance")
_DEFAULTS = {spec.name: spec.default for spec in fields(Record) if spec.default is not MISSING}
_FACTORIES = {spec.name: spec.default_factory for spec in fields(Record)
              if spec.default_factory is not MISSING}
_LIMITS = COUNT_LIMITS | {"collection": MAX_CENTS}
_EMPTY = MappingProxyType({})


@contextmanager
def paused_gc(*, keep: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while millions of small objects are made at once.

    Each collection would walk every object made so far; none of them is garbage yet.
    With `keep`, what exists afterwards is left out of later collections too (gc.freeze):
    a database's content is plain data, freed by reference counting when it goes, and
    walking its million objects again and again as they age would only cost time.
    `thaw_kept()` puts everything back when the database is closed.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was_enabled:
            gc.enable()


def thaw_kept() -> None:
    """Let the collector see again what paused_gc(keep=True) left out."""
    gc.unfreeze()


def records_from_rows(rows: list) -> list[Record]:
    """The Records stored in `rows`, in the same order; ValidationError if one is invalid."""
    with paused_gc():
        found = _columns(rows)
        if found is not None:
            try:
                built = _build_if_valid(*found)
            except (TypeError, ValueError):  # an unhashable or unparsable value
                built = None
            if built is not None:
                return built
        return [Record.from_dict(row) for row in rows]


def _columns(rows: list) -> tuple[list[dict], dict[str, tuple]] | None:
    """Rows holding exactly Record's fields, and their values column by column."""
    if not rows or not all(type(row) is dict for row in rows):
        return None
    getter = itemgetter(*FIELDS)
    try:
        values = list(map(getter, rows))
        exact = sum(map(len, rows)) == len(FIELDS) * len(rows)  # no keys of other kinds
    except KeyError:
        if not all(all(name in row for name in _REQUIRED) for row in rows):
            return None
        values = list(map(getter, map(_with_defaults, rows)))
        exact = False
    if not exact:
        rows = [dict(zip(FIELDS, row_values)) for row_values in values]
    return rows, dict(zip(FIELDS, zip(*values)))


def _with_defaults(row: dict) -> dict:
    """An older row lacking newer fields, completed as Record would complete it."""
    return {**_DEFAULTS, **{name: make() for name, make in _FACTORIES.items()}, **row}


def _build_if_valid(rows: list[dict], columns: dict[str, tuple]) -> list[Record] | None:
    if not all(_clean_text(name, 80, required=True) for name in set(columns["meeting"])):
        return None
    if not all(_counts_within(columns[name], _LIMITS[name]) for name in _LIMITS):
        return None
    attendance = columns["attendance"]
    if not all(all(map(le, columns[name], attendance))
               for name in ("newcomers", "visitors", "online")):
        return None
    if not all(map(le, columns["over_time"], columns["shares"])):
        return None
    if not all(_currency_as_stored(code) for code in set(columns["currency"])):
        return None
    if not all(_clean_text(note, 1000) for note in set(columns["note"])):
        return None
    day_texts = columns["date"]
    if set(map(type, day_texts)) != {str}:
        return None
    days = list(map(date.fromisoformat, day_texts))
    if min(days) < EARLIEST or max(days) > LATEST:
        return None
    chips, sections = _frozen_maps(columns["chips"]), _frozen_maps(columns["sections"])
    starts, ends = _times(columns["start"]), _times(columns["end"])
    if chips is None or sections is None or starts is None or ends is None:
        return None
    new, set_attribute = object.__new__, object.__setattr__
    records = []
    for row, day, chip, section, start, end in zip(rows, days, chips, sections, starts, ends):
        values = row.copy()
        values["date"], values["chips"], values["sections"] = day, chip, section
        values["start"], values["end"] = start, end
        record = new(Record)
        set_attribute(record, "__dict__", values)
        records.append(record)
    return records


def _clean_text(value: object, maximum: int, *, required: bool = False) -> bool:
    """True when validate.text would accept `value` exactly as it is (nothing to trim)."""
    return (type(value) is str and len(value) <= maximum and (bool(value) or not required)
            and value.isprintable() and value == value.strip())


def _counts_within(column: tuple, maximum: int) -> bool:
    return set(map(type, column)) == {int} and min(column) >= 0 and max(column) <= maximum


def _currency_as_stored(code: object) -> bool:
    return type(code) is str and len(code) == 3 and code.isalpha() and code.isupper()


def _frozen_maps(column: tuple) -> list | None:
    """Read-only copies of chip or section counts, or None when one needs a closer look."""
    if set(map(type, column)) != {dict}:
        return None
    keys: set = set()
    counts: list = []
    for counted in column:
        if counted:
            keys.update(counted)
            counts.extend(counted.values())
    if not all(_clean_text(key, 40, required=True) for key in keys):
        return None
    if counts and not _counts_within(counts, 10_000_000):
        return None
    return [MappingProxyType(dict(counted)) if counted else _EMPTY for counted in column]


def _times(column: tuple) -> list | None:
    distinct = set(column)
    if not all(text is None or (type(text) is str and text) for text in distinct):
        return None
    try:
        parsed = {text: None if text is None else parse_time(text) for text in distinct}
    except ValidationError:
        return None
    return list(map(parsed.__getitem__, column))
