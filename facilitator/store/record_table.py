"""The records table once checked: each record beside its document id, found by key; and
the records as a large file's one-pass reading checked them, before anything asks for them.

The database checks its records once, the first time they are read; after that each write
changes this table the way it changed the file, so 100,000 records are never checked again.
Records added are kept aside until the whole table is next read: saving one record at a
time never copies 100,000.
"""

from datetime import date

from facilitator.core.records.record import Record
from facilitator.core.records.records import Records


class RecordTable:
    """Checked records in stored order, their document ids, and where each key is."""

    def __init__(self, doc_ids: list[str], records: Records) -> None:
        self.doc_ids = list(doc_ids)
        self._records = records
        self._added: list[Record] = []  # saved since the table was last read whole
        self._positions: dict[tuple[str, str], int] | None = None  # Record.key -> position

    @property
    def records(self) -> Records:
        if self._added:
            self._records, self._added = self._records + Records.of(self._added), []
        return self._records

    def positions(self) -> dict[tuple[str, str], int]:
        """Where the record of each (meeting in any case, ISO date) is."""
        if self._positions is None:
            records = self.records
            names, days = records.column("meeting"), records.column("date")
            folded = {name: name.casefold() for name in set(names)}
            keys = zip(map(folded.__getitem__, names), map(date.isoformat, days))
            self._positions = dict(zip(keys, range(len(names))))
        return self._positions

    def doc_id(self, key: tuple[str, str]) -> str | None:
        position = self.positions().get(key)
        return None if position is None else self.doc_ids[position]

    def find(self, key: tuple[str, str]) -> Record | None:
        position = self.positions().get(key)
        if position is None:
            return None
        if position >= len(self._records):
            return self._added[position - len(self._records)]
        return self._records[position]

    def of_meeting(self, meeting_key: str) -> list[int]:
        """Positions of the records of one meeting (its name in any case)."""
        column = self.records.column("meeting")
        names = {name for name in set(column) if name.casefold() == meeting_key}
        return [position for position, name in enumerate(column) if name in names]

    def added(self, doc_ids: list[int | str], records: list[Record]) -> None:
        first = len(self.doc_ids)
        self.doc_ids.extend(map(str, doc_ids))
        self._added.extend(records)
        if self._positions is not None:
            self._positions.update((record.key, first + n) for n, record in enumerate(records))

    def removed(self, positions: list[int]) -> None:
        gone = set(positions)
        kept = [position for position in range(len(self.doc_ids)) if position not in gone]
        records = self.records
        self.doc_ids = [self.doc_ids[position] for position in kept]
        self._records = records.take(kept)
        self._positions = None

    def renamed(self, positions: list[int], name: str) -> None:
        names = list(self.records.column("meeting"))
        for position in positions:
            names[position] = name
        self._records = self._records.with_column("meeting", names)
        self._positions = None


class CheckedInAdvance:
    """The records table as opened: the file it came from, and the records checked from it.

    A command that only reads (history, export) never needs the stored documents
    themselves; the storage makes them from the file the first time anything asks
    (store/storage.py `read`), e.g. before a write.
    """

    __slots__ = ("raw", "ids", "values")

    def __init__(self, raw: bytes, ids: list[str], records: Records) -> None:
        self.raw, self.ids, self.values = raw, ids, records  # as a Checked table holds them

    def documents(self) -> dict:
        import orjson

        return orjson.loads(self.raw)["tables"]["records"]
