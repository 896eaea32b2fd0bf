"""The records table read and checked in one pass: a typed decoder (msgspec) in C.

The decoder reads the database file in one pass, the records table straight into typed
values: each count a whole number (never a float, a bool or text) within its field's
limit, chips and sections names mapped to whole numbers within theirs. What it cannot
express is then checked in Python by the field's own kind, once per distinct value (text
rules on the few meeting names and notes, dates, times of day), and each count that
cannot exceed another field (core/records/record.py LIMITS).

This is only the fast path, taken for a file of loader.ONE_PASS_FROM_BYTES or more (on a
smaller one the decoder's loading costs more than it saves). When the decoder refuses
anything, or any check does, the answer is None and the table is read as before
(store/checked_tables.py), which accepts what the fast path is too strict for (digits kept
as text) and names the record and the field of any problem in the same words as ever.
"""

from itertools import chain, islice
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, UnsetType

from facilitator.core.records.record import FIELDS
from facilitator.core.records.record_fields import PER_KEY_LIMIT, Count, Counts, held_once
from facilitator.core.records.records import NO_RECORDS, Records, checked_columns
from facilitator.store.checked_tables import TABLES
from facilitator.store.record_table import CheckedInAdvance


def _count(name: str) -> object:
    return Annotated[int, Meta(ge=0, le=FIELDS[name].maximum)]


_PER_KEY = dict[str, Annotated[int, Meta(ge=0, le=PER_KEY_LIMIT)]]


class _StoredRecord(msgspec.Struct, gc=False):
    """One stored record as the decoder reads it; defaults as for a row stored before a
    field existed (record.py DEFAULTS). Fields not listed here are ignored, as before.
    Dates are read as text and made dates once per distinct day (a few thousand where
    there are 100,000 records), by the field's own check."""

    meeting: str
    date: str
    attendance: _count("attendance")
    newcomers: _count("newcomers") = 0
    visitors: _count("visitors") = 0
    online: _count("online") = 0
    shares: _count("shares") = 0
    share_seconds: _count("share_seconds") = 0
    passes: _count("passes") = 0
    over_time: _count("over_time") = 0
    chips: _PER_KEY = {}
    collection: _count("collection") = 0
    currency: str = "USD"
    start: str | None = None
    end: str | None = None
    note: str = ""
    sections: _PER_KEY = {}
    collection_online: _count("collection_online") = 0


assert tuple(_StoredRecord.__struct_fields__) == tuple(FIELDS), "fields out of step"

def _fast_records(stored: dict[str, _StoredRecord]) -> tuple[list[str], Records] | None:
    """The document ids and the checked records of the decoded records table; None when
    anything needs the closer look of the usual checker."""
    ids = list(stored)
    if not stored:
        return ids, NO_RECORDS
    joined = "".join(ids)
    if not (all(ids) and joined.isascii() and joined.isdecimal()):
        return None  # not the numbered documents of a TinyDB table
    records = checked_columns(_transposed(stored.values()), _checked_column)
    return None if records is None else (ids, records)


def _checked_column(name: str, kind, column: list):
    """What the decoder left to check, by the field's own kind."""
    if isinstance(kind, Count):  # type and range checked by the decoder
        return held_once(column)[0] if kind.maximum > _PEOPLE else column
    if isinstance(kind, Counts):  # whole numbers within the limit by the decoder; names here
        names = set(chain.from_iterable(filter(None, column)))  # most rows hold none
        return column if kind.names_kept(name, names) else None
    return kind.load_column(name, column)  # text, dates, times of day: per distinct value


# Counts of people are small numbers, most of them ones Python holds a single object for
# (up to 256); amounts in cents and seconds (limits above this one) are made anew for every
# record.
_PEOPLE = 100_000


def _transposed(stored, chunk: int = 1000) -> list[list]:
    """One list per field, taken a chunk of records at a time."""
    astuple = msgspec.structs.astuple
    columns: list[list] = [[] for _ in FIELDS]
    rows = map(astuple, stored)
    while some := list(islice(rows, chunk)):
        for column, values in zip(columns, zip(*some)):
            column.extend(values)
    return columns


# The whole file in one pass: the records typed, every other table kept as its JSON, to be
# read as documents. A table this version does not know is refused (read the usual way).
_Tables = msgspec.defstruct(
    "_Tables", [("records", dict[str, _StoredRecord] | UnsetType, UNSET)]
    + [(name, msgspec.Raw | UnsetType, UNSET) for name in TABLES if name != "records"],
    forbid_unknown_fields=True)


class _CurrentFile(msgspec.Struct):
    schema_version: int
    tables: _Tables


_FILE_DECODER = msgspec.json.Decoder(_CurrentFile)


def read_fast(raw: bytes, current_version: int, shape_ok) -> dict | None:
    """A file of the current version whose records pass the fast path: its content, the
    records table kept as CheckedInAdvance and the other tables as documents. None for
    anything else (an older file, a damaged one, no records yet): the usual reading then
    says exactly what is wrong, if anything is."""
    import orjson

    try:
        content = _FILE_DECODER.decode(raw)
    except msgspec.DecodeError:  # also a refused value (msgspec.ValidationError)
        return None
    stored = content.tables.records
    if content.schema_version != current_version or stored is UNSET:
        return None
    fast = _fast_records(stored)
    if fast is None:
        return None
    tables: dict = {}
    for name in content.tables.__struct_fields__:
        table_raw = getattr(content.tables, name)
        if name != "records" and table_raw is not UNSET:
            table = orjson.loads(memoryview(table_raw))
            if not shape_ok(table):
                return None
            tables[name] = table
    tables["records"] = CheckedInAdvance(raw, *fast)
    return {"schema_version": content.schema_version, "tables": tables}
