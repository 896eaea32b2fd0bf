"""The group's database: meetings, records, settings and chip stock, in one JSON file."""

from datetime import date
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb import TinyDB

from facilitator.core.errors import ValidationError
from facilitator.core.meeting import Meeting
from facilitator.core.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store import loader
from facilitator.store.errors import DatabaseLocked, StorageFailed
from facilitator.store.files import FILE_MODE, atomic_write, copy_durably, ensure_folder
from facilitator.store.migrations import CURRENT_VERSION, detect_version, migrate
from facilitator.store.paths import backup_paths, lock_path, migration_backup_path
from facilitator.store.storage import AtomicJSONStorage


class Database:
    """Open with `Database.open(path)`; a writer holds an exclusive lock until `close()`."""

    def __init__(self, path: Path, tables: dict, lock: FileLock | None) -> None:
        self.path = path
        self._lock = lock
        self._db = TinyDB(path, storage=AtomicJSONStorage, tables=tables, read_only=lock is None)
        self._record_index: dict[tuple[str, str], int] | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, writer: bool = True) -> "Database":
        """Open (and when writing, create or migrate) the database at `path`.

        A reader takes no lock: writes are atomic renames, so it always sees a whole file.
        """
        path = Path(path)
        lock = None
        if writer:
            ensure_folder(path.parent)
            lock = FileLock(lock_path(path), timeout=0, mode=FILE_MODE)
            try:
                lock.acquire()
            except Timeout:
                raise DatabaseLocked(path) from None
        try:
            content = loader.read(path)
            if content is None:
                content = {"schema_version": CURRENT_VERSION, "tables": {}}
                if writer:
                    _write_new(path, content)
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
            (Meeting.from_dict(doc) for doc in self._db.table("meetings").all()),
            key=lambda m: m.key,
        )

    def find_meeting(self, name: str) -> Meeting | None:
        doc_id = self._meeting_doc_id(name)
        return Meeting.from_dict(self._db.table("meetings").get(doc_id=doc_id)) if doc_id else None

    def get_meeting(self, name: str) -> Meeting:
        meeting = self.find_meeting(name)
        if meeting is None:
            raise ValidationError(
                "meeting", f"there is no meeting named {name[:80]!r}; see `facilitator meetings list`"
            )
        return meeting

    def add_meeting(self, meeting: Meeting) -> None:
        if self._meeting_doc_id(meeting.name):
            raise ValidationError("name", f"a meeting named {meeting.name!r} already exists")
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
                ids = [d.doc_id for d in records.all() if d["meeting"].casefold() == old.key]
                records.update({"meeting": meeting.name}, doc_ids=ids)
                self._record_index = None

        self._write(change)

    def remove_meeting(self, name: str, *, with_records: bool = False) -> int:
        """Remove a meeting; refused while it has records unless `with_records`."""
        meeting = self.get_meeting(name)
        ids = [d.doc_id for d in self._db.table("records").all()
               if d["meeting"].casefold() == meeting.key]
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
            if doc["name"].casefold() == key:
                return doc.doc_id
        return None

    # -- records -------------------------------------------------------------------------

    def record_rows(self) -> list[dict]:
        """Every record as stored (plain dicts), in no particular order: the fast path."""
        return list(self._db.table("records").all())

    def records(
        self, meeting: str | None = None, start: date | None = None, end: date | None = None
    ) -> list[Record]:
        """Records, newest first, filtered by meeting and by an inclusive date range."""
        key = meeting.casefold() if meeting else None
        low = start.isoformat() if start else ""
        high = end.isoformat() if end else "9999"
        chosen = [
            Record.from_dict(row) for row in self.record_rows()
            if (key is None or row["meeting"].casefold() == key) and low <= row["date"] <= high
        ]
        chosen.sort(key=lambda r: (r.date, r.meeting.casefold()), reverse=True)
        return chosen

    def find_record(self, meeting: str, day: date) -> Record | None:
        doc_id = self._records_by_key().get((meeting.casefold(), day.isoformat()))
        return Record.from_dict(self._db.table("records").get(doc_id=doc_id)) if doc_id else None

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
            rows = [r.edit(meeting=names[r.meeting.casefold()]).to_dict() for r in records]
            with self._db.storage.batch():
                if meetings:
                    self._db.table("meetings").insert_multiple(m.to_dict() for m in meetings)
                if replaced:
                    table.remove(doc_ids=replaced)
                if rows:
                    table.insert_multiple(rows)
                if stock is not None:
                    self._db.table("stock").truncate()
                    self._db.table("stock").insert(_document(stock, 1))
            self._record_index = None

        self._write(change)
        self.refresh_backups()

    def delete_record(self, meeting: str, day: date) -> None:
        doc_id = self._records_by_key().get((meeting.casefold(), day.isoformat()))
        if doc_id is None:
            raise ValidationError("date", f"no record of {meeting!r} on {day.isoformat()}")

        def change() -> None:
            self._db.table("records").remove(doc_ids=[doc_id])
            self._record_index = None

        self._write(change)
        self.refresh_backups()

    def _records_by_key(self) -> dict[tuple[str, str], int]:
        if self._record_index is None:
            self._record_index = {
                (doc["meeting"].casefold(), doc["date"]): doc.doc_id
                for doc in self._db.table("records").all()
            }
        return self._record_index

    # -- settings and chip stock ---------------------------------------------------------

    def settings(self) -> GroupSettings:
        doc = self._db.table("settings").get(doc_id=1)
        return GroupSettings.from_dict(doc) if doc else GroupSettings()

    def save_settings(self, settings: GroupSettings) -> None:
        self._write(lambda: self._db.table("settings").upsert(
            _document(settings.to_dict(), 1)))

    def stock(self) -> dict[str, dict]:
        """Chips on hand: {milestone key: {"on_hand": n, "reorder_at": n}}."""
        doc = self._db.table("stock").get(doc_id=1)
        return {key: dict(value) for key, value in (doc or {}).items()}

    def save_stock(self, stock: dict[str, dict]) -> None:
        def change() -> None:
            table = self._db.table("stock")
            table.truncate()
            table.insert(_document(stock, 1))

        self._write(change)

    # -- durability ----------------------------------------------------------------------

    def _write(self, change) -> None:
        try:
            change()
        except OSError as error:
            raise StorageFailed(self.path, error) from None

    def refresh_backups(self) -> None:
        """Rotate the backups and copy the file as it is now into the newest slot."""
        slots = backup_paths(self.path)
        try:
            for older, newer in zip(reversed(slots), list(reversed(slots))[1:]):
                if newer.exists():
                    newer.replace(older)
            copy_durably(self.path, slots[0])
        except OSError as error:
            raise StorageFailed(slots[0], error) from None


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
