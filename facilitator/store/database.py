"""The group's database: meetings, records, settings and chip stock, in one JSON file."""

from datetime import date
from itertools import repeat
from operator import add, attrgetter, mul
from pathlib import Path

from filelock import FileLock, Timeout

from facilitator.core.errors import ValidationError
from facilitator.core.meeting import Meeting
from facilitator.core.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store import loader
from facilitator.store.bulk_records import thaw_kept
from facilitator.store.damage import decode, decode_records
from facilitator.store.errors import DatabaseLocked, StorageFailed, UnreadableDatabase
from facilitator.store.files import (FILE_MODE, atomic_write, copy_durably, ensure_folder,
                                     remove_stale_temporaries)
from facilitator.store.migrations import CURRENT_VERSION, detect_version, migrate
from facilitator.store.named_paths import database_file
from facilitator.store.paths import lock_path, migration_backup_path
from facilitator.store.storage import AtomicJSONStorage, StoreTinyDB


class Database:
    """Open with `Database.open(path)`; a writer holds an exclusive lock until `close()`."""

    def __init__(self, path: Path, tables: dict, lock: FileLock | None) -> None:
        self.path = path
        self._lock = lock
        self._db = StoreTinyDB(path, storage=AtomicJSONStorage, tables=tables,
                               read_only=lock is None)
        self._record_index: dict[tuple[str, str], int] | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, writer: bool = True) -> "Database":
        """Open (and when writing, migrate) the database at `path`.

        A reader takes no lock: writes are atomic renames, so it always sees a whole file.
        A missing file is created by the first write, so a refused command leaves none.
        A link is followed: the real file is opened, and its lock, journal and backups are
        beside it (a dangling link or one to a folder is refused, exit 2).
        """
        path = database_file(Path(path))
        lock = None
        if writer:
            lock = FileLock(lock_path(path), timeout=0, mode=FILE_MODE)
            try:
                ensure_folder(path.parent)
                lock.acquire()
            except Timeout:
                raise DatabaseLocked(path) from None
            except OSError as error:  # no such folder and none can be made, no permission
                reason = f"its folder cannot be used: {error.strerror or error}"
                raise UnreadableDatabase(path, reason, None) from None
        try:
            if writer:
                remove_stale_temporaries(path)
            content = loader.read(path)
            if content is None:
                content = {"schema_version": CURRENT_VERSION, "tables": {}}
            elif detect_version(content) < CURRENT_VERSION:
                if writer:
                    content = _migrate_file(path, content)
                else:
                    content = migrate(content)
            return cls(path, content["tables"], lock)
        except BaseException:
            if lock:
                lock.release()
            raise

    def close(self) -> None:
        self._db.close()
        thaw_kept()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meetings ------------------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        return sorted(
            (decode(self.path, f"meeting {doc.doc_id}", Meeting.from_dict, doc)
             for doc in self._db.table("meetings").all()),
            key=lambda m: m.key,
        )

    def find_meeting(self, name: str) -> Meeting | None:
        doc_id = self._meeting_doc_id(name)
        if doc_id is None:
            return None
        document = self._db.table("meetings").get(doc_id=doc_id)
        return decode(self.path, f"meeting {doc_id}", Meeting.from_dict, document)

    def get_meeting(self, name: str) -> Meeting:
        meeting = self.find_meeting(name)
        if meeting is None:
            raise ValidationError(
                "meeting", f"there is no meeting named {name[:80]!r}; see `facilitator meetings list`"
            )
        return meeting

    def add_meeting(self, meeting: Meeting) -> None:
        existing = self.find_meeting(meeting.name)
        if existing:
            raise ValidationError("name", f"a meeting named {existing.name!r} already exists "
                                  "(names are the same whatever the case)")
        self._write(lambda: self._db.table("meetings").insert(meeting.to_dict()))

    def update_meeting(self, old_name: str, meeting: Meeting) -> None:
        """Change a meeting's settings; a rename carries its records along."""
        doc_id = self._meeting_doc_id(old_name)
        if doc_id is None:
            self.get_meeting(old_name)
        clash = self._meeting_doc_id(meeting.name)
        if clash and clash != doc_id:
            raise ValidationError("name", f"a meeting named {meeting.name!r} already exists")
        old = self.get_meeting(old_name)
        renamed = old.name != meeting.name

        def change() -> None:
            self._db.table("meetings").update(meeting.to_dict(), doc_ids=[doc_id])
            if renamed:
                records = self._db.table("records")
                ids = [d.doc_id for d in records.all() if _meeting_key(d) == old.key]
                records.update({"meeting": meeting.name}, doc_ids=ids)
                self._record_index = None

        self._write(change)

    def remove_meeting(self, name: str, *, with_records: bool = False) -> int:
        """Remove a meeting; refused while it has records unless `with_records`."""
        meeting = self.get_meeting(name)
        ids = [d.doc_id for d in self._db.table("records").all()
               if _meeting_key(d) == meeting.key]
        if ids and not with_records:
            raise ValidationError(
                "meeting", f"{meeting.name!r} has {len(ids)} records; "
                "add --with-records to remove them too"
            )

        def change() -> None:
            if ids:
                self._db.table("records").remove(doc_ids=ids)
                self._record_index = None
            self._db.table("meetings").remove(doc_ids=[self._meeting_doc_id(name)])

        self._write(change)
        return len(ids)

    def _meeting_doc_id(self, name: str) -> int | None:
        key = name.strip().casefold()
        for doc in self._db.table("meetings").all():
            if isinstance(doc.get("name"), str) and doc["name"].casefold() == key:
                return doc.doc_id
        return None

    # -- records -------------------------------------------------------------------------

    def record_rows(self) -> list[dict]:
        """Every record as stored (plain dicts), in no particular order: the fast path."""
        return [dict(row) for row in self._stored("records").values()]

    def records(
        self, meeting: str | None = None, start: date | None = None, end: date | None = None
    ) -> list[Record]:
        """Records, newest first, filtered by meeting and by an inclusive date range."""
        key = meeting.casefold() if meeting else None
        low = start.isoformat() if start else ""
        high = end.isoformat() if end else "9999"

        def wanted(row: dict) -> bool:
            name, day = row.get("meeting"), row.get("date")
            if not isinstance(name, str) or not isinstance(day, str):
                return True  # a damaged row: let the decoding name what is wrong
            return (key is None or name.casefold() == key) and low <= day <= high

        stored = self._stored("records").items()
        unfiltered = key is None and start is None and end is None
        chosen = decode_records(self.path, list(stored) if unfiltered else
                                [item for item in stored if wanted(item[1])])
        return _newest_first(chosen)

    def find_record(self, meeting: str, day: date) -> Record | None:
        doc_id = self._records_by_key().get((meeting.casefold(), day.isoformat()))
        if doc_id is None:
            return None
        document = self._db.table("records").get(doc_id=doc_id)
        return decode(self.path, f"record {doc_id}", Record.from_dict, document)

    def add_record(self, record: Record, *, replace: bool = False,
                   stock: dict[str, dict] | None = None) -> None:
        """Save one occurrence's counts (and the chip stock, same write), refresh the backups."""
        self.add_records([record], replace=replace, stock=stock)

    def add_records(self, records: list[Record], *, replace: bool = False,
                    stock: dict[str, dict] | None = None) -> None:
        """Save several records in one write: all of them or none."""
        self.add_meetings_and_records([], records, replace=replace, stock=stock)

    def add_meetings_and_records(self, meetings: list[Meeting], records: list[Record], *,
                                 replace: bool = False,
                                 stock: dict[str, dict] | None = None) -> None:
        """Create meetings and save records in one atomic write: all of them or none.

        `stock`, when given, replaces the chip stock in that same write (chips given in a
        meeting leave the stock with its record, never one without the other).
        """
        index = self._records_by_key()
        names = {m.key: m.name for m in self.meetings()}
        for meeting in meetings:
            if meeting.key in names:
                raise ValidationError("name", f"a meeting named {meeting.name!r} already exists")
            names[meeting.key] = meeting.name
        for record in records:
            if record.meeting.casefold() not in names:
                self.get_meeting(record.meeting)
            if record.key in index and not replace:
                raise ValidationError(
                    "date", f"{record.meeting!r} already has a record for "
                    f"{record.date.isoformat()}; add --replace to overwrite it"
                )
        seen: set = set()
        for record in records:
            if record.key in seen:
                raise ValidationError("date", f"{record.meeting!r} {record.date} appears twice")
            seen.add(record.key)

        def change() -> None:
            table = self._db.table("records")
            replaced = [index[r.key] for r in records if r.key in index]
            # The meeting's stored spelling; the record itself was checked when it was made.
            rows = [{**r.to_dict(), "meeting": names[r.meeting.casefold()]} for r in records]
            with self._db.storage.batch():
                if meetings:
                    self._db.table("meetings").insert_multiple(m.to_dict() for m in meetings)
                if replaced:
                    table.remove(doc_ids=replaced)
                if rows:
                    doc_ids = table.insert_multiple(rows)
                    index.update(((row["meeting"].casefold(), row["date"]), doc_id)
                                 for row, doc_id in zip(rows, doc_ids))
                if stock is not None:
                    self._db.table("stock").truncate()
                    self._db.table("stock").insert(_document(stock, 1))

        self._write(change, backup=True)

    def delete_record(self, meeting: str, day: date) -> None:
        doc_id = self._records_by_key().get((meeting.casefold(), day.isoformat()))
        if doc_id is None:
            raise ValidationError("date", f"no record of {meeting!r} on {day.isoformat()}")

        def change() -> None:
            self._db.table("records").remove(doc_ids=[doc_id])
            del self._records_by_key()[(meeting.casefold(), day.isoformat())]

        self._write(change, backup=True)

    def correct_record(self, meeting: str, day: date, record: Record) -> None:
        """Put `record` in place of the record of `meeting` on `day`, in one write.

        The correction may move it to another date or meeting, unless one is there already.
        """
        index = self._records_by_key()
        old_key = (meeting.casefold(), day.isoformat())
        doc_id = index.get(old_key)
        if doc_id is None:
            raise ValidationError("date", f"no record of {meeting!r} on {day.isoformat()}")
        name = self.get_meeting(record.meeting).name
        if index.get(record.key, doc_id) != doc_id:
            raise ValidationError("date", f"{name!r} already has a record for "
                                  f"{record.date.isoformat()}")
        row = record.edit(meeting=name).to_dict()

        def change() -> None:
            table = self._db.table("records")
            table.remove(doc_ids=[doc_id])
            del index[old_key]
            index[record.key] = table.insert(row)

        self._write(change, backup=True)

    def _records_by_key(self) -> dict[tuple[str, str], int]:
        if self._record_index is None:
            self._record_index = {
                (row["meeting"].casefold(), row["date"]): int(doc_id)
                for doc_id, row in self._stored("records").items()
                if isinstance(row.get("meeting"), str) and isinstance(row.get("date"), str)
            }
        return self._record_index

    def _stored(self, table: str) -> dict[str, dict]:
        """A table as the storage holds it, without copying: never change what it returns."""
        return self._db.storage.read().get(table, {})

    # -- settings and chip stock ---------------------------------------------------------

    def settings(self) -> GroupSettings:
        doc = self._db.table("settings").get(doc_id=1)
        if not doc:
            return GroupSettings()
        return decode(self.path, "the settings", GroupSettings.from_dict, doc)

    def save_settings(self, settings: GroupSettings) -> None:
        self._write(lambda: self._db.table("settings").upsert(
            _document(settings.to_dict(), 1)))

    def stock(self) -> dict[str, dict]:
        """Chips on hand: {milestone key: {"on_hand": n, "reorder_at": n}}."""
        doc = self._db.table("stock").get(doc_id=1)
        return decode(self.path, "the chip stock",
                      lambda kept: {key: dict(value) for key, value in kept.items()}, doc or {})

    def save_stock(self, stock: dict[str, dict]) -> None:
        def change() -> None:
            table = self._db.table("stock")
            table.truncate()
            table.insert(_document(stock, 1))

        self._write(change)

    # -- durability ----------------------------------------------------------------------

    def _write(self, change, *, backup: bool = False) -> None:
        """Run `change` as one atomic write; on failure memory goes back to the file.

        With `backup` (a record saved or removed) the new content is written to the backup
        rotation first: a failure anywhere leaves the database and its backups as they were.
        """
        try:
            with self._db.storage.batch(backup=backup):
                change()
        except BaseException as error:
            self._record_index = None
            if isinstance(error, OSError):
                raise StorageFailed(self.path, error) from None
            raise


def _meeting_key(row: dict) -> str | None:
    name = row.get("meeting")
    return name.casefold() if isinstance(name, str) else None


def _newest_first(records: list[Record]) -> list[Record]:
    """Sorted by date, then meeting name ignoring case, newest first.

    Each record's place is one whole number (day, then the name's rank), compared in C:
    sorting 100,000 records by a tuple key takes seconds, by these numbers milliseconds.
    """
    names = set(map(attrgetter("meeting"), records))
    folded = sorted({name.casefold() for name in names})
    rank = {name: folded.index(name.casefold()) for name in names}
    days = map(date.toordinal, map(attrgetter("date"), records))
    places = list(map(add, map(mul, days, repeat(len(folded))),
                      map(rank.__getitem__, map(attrgetter("meeting"), records))))
    order = sorted(range(len(records)), key=places.__getitem__, reverse=True)
    return [records[i] for i in order]


def _document(data: dict, doc_id: int):
    from tinydb.table import Document

    return Document(data, doc_id=doc_id)


def _write_new(path: Path, content: dict) -> None:
    import orjson

    atomic_write(path, orjson.dumps(content))


def _migrate_file(path: Path, content: dict) -> dict:
    """Keep a copy of the old file, then write the migrated content in its place."""
    backup = migration_backup_path(path, detect_version(content))
    if not backup.exists():
        copy_durably(path, backup)
    migrated = migrate(content)
    _write_new(path, migrated)
    return migrated
