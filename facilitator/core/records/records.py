"""Many records at once, held column by column: what reading a long history needs.

A history of 100,000 records is read, chosen, added up and exported through whole columns
(one list per field) with built-ins, and a `Record` is made only when one is looked at.
Holding 17 lists instead of 100,000 objects also keeps the garbage collector from walking
them again and again.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import compress, islice, repeat
from operator import add, eq, itemgetter, le

from facilitator.core.records.record import DEFAULTS, FIELDS, LIMITS, REQUIRED, Record, unchecked_record
from facilitator.core.records.record_fields import Kind

# The fields whose column values a Record holds in another form (read-only counts).
_HANDED_OUT = [type(kind).in_record is not Kind.in_record for kind in FIELDS.values()]


class Records(Sequence[Record]):
    """Checked records in a fixed order, read-only; `records[i]` is a Record."""

    __slots__ = ("_columns", "_oldest_first")

    def __init__(self, columns: Mapping[str, Sequence]) -> None:
        """From columns of values already checked: use `Records.of` or `records_from_columns`."""
        self._columns = {name: columns[name] for name in FIELDS}
        self._oldest_first: Records | None = None  # worked out once: the records never change

    @classmethod
    def of(cls, records: Iterable[Record]) -> "Records":
        """The given Record values, in the same order."""
        if isinstance(records, Records):
            return records
        records = list(records)
        if not all(isinstance(record, Record) for record in records):
            raise TypeError("Records.of takes Record values")
        columns = list(map(list, zip(*records))) or [[] for _ in FIELDS]
        return cls(dict(zip(FIELDS, columns)))

    def column(self, name: str) -> Sequence:
        """Every record's value of one field, in order (do not change it)."""
        return self._columns[name]

    def oldest_first(self) -> "Records":
        """The same records ordered by date, then by meeting name."""
        if self._oldest_first is None:
            ordered = self.take(self.oldest_first_positions())
            ordered._oldest_first = ordered
            self._oldest_first = ordered
        return self._oldest_first

    def oldest_first_positions(self) -> Sequence[int]:
        """The positions of the records by date, then by meeting name: one list of numbers,
        for a caller that puts whole rows in order rather than every column."""
        if self._oldest_first is self:
            return range(len(self))
        return _oldest_first(self.column("date"), self.column("meeting"))

    def with_column(self, name: str, values: Sequence) -> "Records":
        """The same records with one field's values replaced (values already checked)."""
        if len(values) != len(self):
            raise ValueError(f"{len(values)} values for {len(self)} records")
        return Records({**self._columns, name: values})

    def take(self, positions: Iterable[int]) -> "Records":
        """The records at `positions`, in that order."""
        if positions == range(len(self)):  # all of them, as chosen with no choice made
            return self
        positions = list(positions)
        if positions:  # a run in order, or backwards, is a slice: copied in C
            first, last = positions[0], positions[-1]
            if positions == list(range(first, last + 1)):
                return self if len(positions) == len(self) else self[first:last + 1]
            if positions == list(range(first, last - 1, -1)):
                return self[first:last - 1 if last else None:-1]
        if len(positions) < 2:
            return Records({name: [column[p] for p in positions]
                            for name, column in self._columns.items()})
        pick = itemgetter(*positions)  # one C loop per column, no call per record
        return Records({name: pick(column) for name, column in self._columns.items()})

    def __len__(self) -> int:
        return len(self._columns["meeting"])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Records({name: column[index] for name, column in self._columns.items()})
        return unchecked_record(kind.in_record(column[index]) for kind, column
                                in zip(FIELDS.values(), self._columns.values()))

    def __iter__(self) -> Iterator[Record]:
        columns = [map(kind.in_record, column) if handed_out else column for kind, column,
                   handed_out in zip(FIELDS.values(), self._columns.values(), _HANDED_OUT)]
        return map(unchecked_record, zip(*columns))

    def __add__(self, other: "Records") -> "Records":
        if not isinstance(other, Records):
            return NotImplemented
        return Records({name: [*column, *other.column(name)]
                        for name, column in self._columns.items()})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(eq, self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Records: {len(self):,}>"


NO_RECORDS = Records.of([])


def _oldest_first(days: Sequence[date], names: Sequence[str]) -> Sequence[int]:
    """The positions of the records by date, then by name."""
    if _ordered(days, names):  # as records saved one meeting after another are
        return range(len(days))
    # One whole number per record, its day's number times the names plus its name's rank:
    # sorted in C without a Python comparison, where (date, name) pairs took seconds and
    # dates alone a tenth of one. The sort is stable, so records alike keep their order.
    ranks = {name: rank for rank, name in enumerate(sorted(set(names)))}
    width = len(ranks)
    day_keys = {day: day.toordinal() * width for day in set(days)}
    keys = list(map(add, map(day_keys.__getitem__, days), map(ranks.__getitem__, names)))
    return sorted(range(len(keys)), key=keys.__getitem__)


def _ordered(days: Sequence[date], names: Sequence[str]) -> bool:
    """Whether (day, name) never goes down from one record to the next."""
    if not all(map(le, days, islice(days, 1, None))):
        return False
    # Days in order: then within each day, the names. Where the next record has the same day:
    same_day = list(compress(range(len(days) - 1), map(eq, days, islice(days, 1, None))))
    return all(map(le, map(names.__getitem__, same_day),
                   map(names.__getitem__, map(add, same_day, repeat(1)))))


def records_from_columns(rows: Sequence[object]) -> Records | None:
    """The records stored in `rows`, checked column by column with the same checks as
    `Record.from_dict`; None when a row needs a closer look (from_dict on each row then
    names the problem). A row stored before a field existed gets the field's default."""
    if not rows:
        return NO_RECORDS
    stored_columns = _stored_columns(rows)
    if stored_columns is None:
        return None
    return checked_columns(stored_columns, lambda name, kind, stored:
                           kind.load_column(name, stored))


def checked_columns(stored_columns: Sequence[Sequence],
                    load: Callable[[str, object, Sequence], Sequence | None]) -> Records | None:
    """The records of one column per field (in FIELDS order), each made by
    `load(name, kind, stored)`, and no count above the field it cannot exceed (LIMITS);
    None when a column or a limit needs the closer look of a row by row reading."""
    columns = {}
    for (name, kind), stored in zip(FIELDS.items(), stored_columns):
        column = load(name, kind, stored)
        if column is None:
            return None
        columns[name] = column
    lowest: dict[str, int] = {}
    for name, limit in LIMITS:
        counts, limits = columns[name], columns[limit]
        if counts and limit not in lowest:
            lowest[limit] = min(limits)
        if counts and max(counts) <= lowest[limit]:
            continue  # the largest count within the smallest limit: every record's is
        if not all(map(le, counts, limits)):
            return None
    return Records(columns)


def _stored_columns(rows: Sequence[dict]) -> list[list] | None:
    """Each field's stored values, one list per field (None: a row is not an object, or a
    required field is missing).

    The rows are read in chunks: each row's values are taken together (one pass over the
    rows), and only a chunk's worth of row tuples is alive at any time, so the garbage
    collector has next to nothing new to walk.
    """
    getter = itemgetter(*FIELDS)
    try:
        return _transposed(map(getter, rows))
    except TypeError:  # a row that is not an object
        return None
    except KeyError:  # a row stored before a field existed, or a damaged one
        if not all(isinstance(row, dict) and all(map(row.__contains__, REQUIRED))
                   for row in rows):
            return None
        defaults = {name: FIELDS[name].store(value) for name, value in DEFAULTS.items()}
        return _transposed(getter({**defaults, **row}) for row in rows)


def _transposed(row_values: Iterator[tuple], chunk: int = 500) -> list[list]:
    columns: list[list] = [[] for _ in FIELDS]
    while rows := list(islice(row_values, chunk)):
        for column, values in zip(columns, zip(*rows)):
            column.extend(values)
    return columns
