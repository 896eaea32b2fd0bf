"""The group's database: meetings, records, settings, chip stock and the treasurer's ledger,
in one JSON file."""

import threading
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, counted
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.records.records import Records
from facilitator.core.settings import GroupSettings
from facilitator.store import loader
from facilitator.store.checked_tables import Checked, check_table
from facilitator.store.errors import DatabaseLocked, StorageFailed, UnreadableDatabase
from facilitator.store.files import (FILE_MODE, FileStamp, copy_durably, ensure_folder,
                                     file_stamp, remove_stale_temporaries)
from facilitator.store.minutes_table import MinutesTable
from facilitator.store.migrations import CURRENT_VERSION, detect_version, migrate
from facilitator.store.named_paths import database_file
from facilitator.store.paths import lock_path, migration_backup_path
from facilitator.store.ledger_store import LedgerStore
from facilitator.store.record_table import RecordTable
from facilitator.store.storage import AtomicJSONStorage, StoreTinyDB

if TYPE_CHECKING:  # loaded when used: the start screen needs neither (start-up time)
    from filelock import FileLock

    from facilitator.core.business.minutes import Minutes


class Database(MinutesTable, LedgerStore):
    """Open with `Database.open(path)`; a writer holds an exclusive lock until `close()`.

    Each table is checked the first time it is read (store/checked_tables.py): a damaged
    value is UnreadableDatabase naming the document and the field, never a wrong answer.
    """

    def __init__(self, path: Path, tables: dict, lock: "FileLock | None", *,
                 upgrade_from: int | None = None, read_from: FileStamp | None = None) -> None:
        self.path = path
        self._first_read = threading.Lock()  # one thread checks the records the first time
        self._writing = threading.RLock()  # a write in progress finishes before `let_go`
        self._closed = False
        self._hold(tables, lock, upgrade_from, read_from)

    def _hold(self, tables: dict, lock: "FileLock | None", upgrade_from: int | None,
              read_from: FileStamp | None) -> None:
        """Hold `tables` as read from the file (`read_from`: its stamp then), writable with
        `lock`."""
        self._lock = lock
        self._read_from = read_from
        self._db = StoreTinyDB(self.path, storage=AtomicJSONStorage, tables=tables,
                               read_only=lock is None)
        if upgrade_from is not None:  # an older file: kept as it was before the first write
            self._db.storage.before_first_write = partial(_keep_old_file, self.path,
                                                          upgrade_from)
        self._checked: dict[str, Checked] = {}  # tables read since the last write
        self._records: RecordTable | None = None  # kept up to date by each write

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, writer: bool = True, lock_later: bool = False) -> "Database":
        """Open the database at `path`; a file of an older schema version is upgraded in
        memory, and on disk with the first change a writer makes.

        A reader takes no lock: writes are atomic renames, so it always sees a whole file.
        A missing file is created by the first write, so a refused command leaves none.
        A link is followed: the real file is opened, and its lock, journal and backups are
        beside it (a dangling link or one to a folder is refused, exit 2).

        With `lock_later` the writer's lock is taken by `take_lock()`, not here, and nothing
        is written before: the app draws its first screen from the file as read, then takes
        the lock (loading the lock's library is a tenth of the app's start).
        """
        path = database_file(Path(path))
        lock = None
        if writer:
            try:
                ensure_folder(path.parent)
                if not lock_later:
                    lock = writer_lock(path)
            except OSError as error:  # no such folder and none can be made, no permission
                raise _unusable_folder(path, error) from None
        try:
            if lock:
                remove_stale_temporaries(path)
            return cls(path, lock=lock, **_read(path))
        except BaseException:
            if lock:
                lock.release()
            raise

    @property
    def holds_lock(self) -> bool:
        """Whether this is the writer now (a reader, one opened with `lock_later` before
        `take_lock()`, and a closed database are not)."""
        return self._lock is not None

    def take_lock(self) -> bool:
        """Become the writer of a database opened with `lock_later`; True when the file had
        changed since it was read (another window wrote as it closed): it is read again.

        DatabaseLocked while another writer has it; the database stays as it was read.
        """
        with self._writing:
            if self._lock is not None:
                return False
            if self._closed:
                raise DatabaseLocked(self.path)
            try:
                lock = writer_lock(self.path)
            except OSError as error:
                raise _unusable_folder(self.path, error) from None
            try:
                remove_stale_temporaries(self.path)
                if file_stamp(self.path) == self._read_from:
                    self._lock = lock
                    self._db.storage.allow_writes()
                    return False
                self._hold(lock=lock, **_read(self.path))
                return True
            except BaseException:
                self._lock = None
                lock.release()
                raise

    def close(self) -> None:
        with self._writing:
            self._closed = True
            self._db.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def let_go(self) -> None:
        """Close from another thread as soon as any write in progress has finished.

        For a closed terminal: the app may take a while to stop, and the next window
        should not wait for it; a later write is refused (the meeting is in its journal).
        """
        self.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meetings ------------------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        return sorted(self._table("meetings").values, key=lambda m: m.key)

    def find_meeting(self, name: str) -> Meeting | None:
        key = name.strip().casefold()
        return next((m for m in self._table("meetings").values if m.key == key), None)

    def get_meeting(self, name: str) -> Meeting:
        meeting = self.find_meeting(name)
        if meeting is None:
            raise ValidationError(
                N_("meeting"), _("there is no meeting named {name}; see `facilitator meetings "
                                 "list`").format(name=repr(name[:80]))
            )
        return meeting

    def add_meeting(self, meeting: Meeting) -> None:
        existing = self.find_meeting(meeting.name)
        if existing:
            raise ValidationError(N_("name"), _("a meeting named {name} already exists (names "
                                                "are the same whatever the "
                                                "case)").format(name=repr(existing.name)))
        self._write(lambda: self._db.table("meetings").insert(meeting.to_dict()))

    def update_meeting(self, old_name: str, meeting: Meeting) -> None:
        """Change a meeting's settings; a rename carries its records along."""
        doc_id = self._meeting_doc_id(old_name)
        if doc_id is None:
            self.get_meeting(old_name)
        clash = self._meeting_doc_id(meeting.name)
        if clash and clash != doc_id:
            raise _meeting_exists(meeting.name)
        old = self.get_meeting(old_name)
        renamed = old.name != meeting.name

        def change() -> None:
            self._db.table("meetings").update(meeting.to_dict(), doc_ids=[doc_id])
            if renamed:
                table = self._record_table()
                positions = table.of_meeting(old.key)
                ids = [int(table.doc_ids[position]) for position in positions]
                self._db.table("records").update({"meeting": meeting.name}, doc_ids=ids)
                table.renamed(positions, meeting.name)
                self._rename_minutes(old.key, meeting.name)

        self._write(change)

    def remove_meeting(self, name: str, *, with_records: bool = False) -> int:
        """Remove a meeting; refused while it has records unless `with_records`."""
        meeting = self.get_meeting(name)
        table = self._record_table()
        positions = table.of_meeting(meeting.key)
        ids = [int(table.doc_ids[position]) for position in positions]
        minutes = len(self.minutes(meeting.name))
        if (ids or minutes) and not with_records:
            kept = counted("{n} record", "{n} records", len(ids))
            if minutes:
                # Translators: {records} is "3 records", {minutes} "2 sets of minutes".
                kept = _("{records} and {minutes}").format(
                    records=kept, minutes=counted("{n} set of minutes", "{n} sets of minutes",
                                                  minutes))
            raise ValidationError(
                N_("meeting"), _("{name} has {kept}; add --with-records to remove them "
                                 "too").format(name=repr(meeting.name), kept=kept)
            )

        def change() -> None:
            if ids:
                self._db.table("records").remove(doc_ids=ids)
                table.removed(positions)
            self._remove_minutes(meeting.key)
            self._db.table("meetings").remove(doc_ids=[self._meeting_doc_id(name)])

        self._write(change)
        return len(ids)

    def _meeting_doc_id(self, name: str) -> int | None:
        key = name.strip().casefold()
        checked = self._table("meetings")
        return next((int(doc_id) for doc_id, meeting in zip(checked.ids, checked.values)
                     if meeting.key == key), None)

    # -- records -------------------------------------------------------------------------

    def records(
        self, meeting: str | None = None, start: date | None = None, end: date | None = None
    ) -> Records:
        """Records in the order they were saved, filtered by meeting and by an inclusive
        date range (`statistics.oldest_first` sorts them)."""
        from facilitator.core.records.statistics import select

        return select(self._record_table().records, meeting, start, end)

    def stored_record_count(self) -> int:
        """How many records the file holds, before they are read and checked. Counted
        without making the stored documents when the records are checked already (making
        them parses the whole table again: most of a second at 100,000 records)."""
        if self._records is not None:
            return len(self._records.doc_ids)
        in_advance = self._db.storage.checked_in_advance("records")
        return len(in_advance.ids if in_advance is not None else self._stored("records"))

    def find_record(self, meeting: str, day: date) -> Record | None:
        return self._record_table().find((meeting.casefold(), day.isoformat()))

    def has_record(self, key: tuple[str, str]) -> bool:
        """Whether there is a record for `Record.key` (meeting in any case, ISO date)."""
        return key in self._record_table().positions()

    def add_record(self, record: Record, *, replace: bool = False,
                   stock: dict[str, dict] | None = None,
                   minutes: "Minutes | None" = None) -> None:
        """Save one occurrence's counts (and the chip stock and a business meeting's minutes,
        same write), refresh the backups."""
        self.add_meetings_and_records([], [record], replace=replace, stock=stock,
                                      minutes=minutes)

    def add_records(self, records: list[Record], *, replace: bool = False,
                    stock: dict[str, dict] | None = None) -> None:
        """Save several records in one write: all of them or none."""
        self.add_meetings_and_records([], records, replace=replace, stock=stock)

    def add_meetings_and_records(self, meetings: list[Meeting], records: list[Record], *,
                                 replace: bool = False,
                                 stock: dict[str, dict] | None = None,
                                 minutes: "Minutes | None" = None) -> None:
        """Create meetings and save records in one atomic write: all of them or none.

        `stock`, when given, replaces the chip stock in that same write (chips given in a
        meeting leave the stock with its record, never one without the other); `minutes`,
        a business meeting's, are saved in that write too, in place of any for that date.
        """
        table = self._record_table()
        index = table.positions()
        names = {m.key: m.name for m in self.meetings()}
        for meeting in meetings:
            if meeting.key in names:
                raise _meeting_exists(meeting.name)
            names[meeting.key] = meeting.name
        for record in records:
            if record.meeting.casefold() not in names:
                self.get_meeting(record.meeting)
            if record.key in index and not replace:
                raise ValidationError(
                    N_("date"), _("{meeting} already has a record for {date}; add --replace to "
                                  "overwrite it").format(meeting=repr(record.meeting),
                                                         date=record.date.isoformat())
                )
        seen: set = set()
        for record in records:
            if record.key in seen:
                raise ValidationError(N_("date"), _("{meeting} {date} appears twice").format(
                    meeting=repr(record.meeting), date=record.date))
            seen.add(record.key)

        def change() -> None:
            stored = self._db.table("records")
            replaced = [index[r.key] for r in records if r.key in index]
            # The meeting's stored spelling; the record itself was checked when it was made.
            spelled = [r if r.meeting == names[r.meeting.casefold()]
                       else r.edit(meeting=names[r.meeting.casefold()]) for r in records]
            with self._db.storage.batch():
                if meetings:
                    self._db.table("meetings").insert_multiple(m.to_dict() for m in meetings)
                if replaced:
                    stored.remove(doc_ids=[int(table.doc_ids[p]) for p in replaced])
                    table.removed(replaced)
                if spelled:
                    table.added(stored.insert_multiple(r.to_dict() for r in spelled), spelled)
                if stock is not None:
                    self._db.table("stock").truncate()
                    self._db.table("stock").insert(_document(stock, 1))
                if minutes is not None:
                    self._put_minutes(minutes, names[minutes.meeting.casefold()])

        self._write(change, backup=True)

    def delete_record(self, meeting: str, day: date) -> None:
        table = self._record_table()
        position = table.positions().get((meeting.casefold(), day.isoformat()))
        if position is None:
            raise _no_record(meeting, day)

        def change() -> None:
            self._db.table("records").remove(doc_ids=[int(table.doc_ids[position])])
            table.removed([position])

        self._write(change, backup=True)

    def correct_record(self, meeting: str, day: date, record: Record) -> None:
        """Put `record` in place of the record of `meeting` on `day`, in one write.

        The correction may move it to another date or meeting, unless one is there already.
        """
        table = self._record_table()
        index = table.positions()
        position = index.get((meeting.casefold(), day.isoformat()))
        if position is None:
            raise _no_record(meeting, day)
        name = self.get_meeting(record.meeting).name
        if index.get(record.key, position) != position:
            raise ValidationError(N_("date"), _("{meeting} already has a record for "
                                                "{date}").format(meeting=repr(name),
                                                                 date=record.date.isoformat()))
        corrected = record.edit(meeting=name)

        def change() -> None:
            stored = self._db.table("records")
            stored.remove(doc_ids=[int(table.doc_ids[position])])
            table.removed([position])
            table.added([stored.insert(corrected.to_dict())], [corrected])

        self._write(change, backup=True)

    def _record_table(self) -> RecordTable:
        """The records, checked the first time they are read (by one thread: the history
        screen reads them in a worker)."""
        with self._first_read:
            if self._records is None:
                checked = self._db.storage.checked_in_advance("records") or check_table(
                    self.path, "records", self._stored("records"))
                self._records = RecordTable(checked.ids, checked.values)
        return self._records

    def _table(self, name: str) -> Checked:
        """A small table (meetings, settings, stock), checked when first read after a write."""
        if name not in self._checked:
            self._checked[name] = check_table(self.path, name, self._stored(name))
        return self._checked[name]

    def _stored(self, table: str) -> dict[str, dict]:
        """A table as the storage holds it, without copying: never change what it returns."""
        return self._db.storage.table(table)

    # -- settings and chip stock ---------------------------------------------------------

    def settings(self) -> GroupSettings:
        checked = self._table("settings")
        return dict(zip(checked.ids, checked.values)).get("1") or GroupSettings()

    def save_settings(self, settings: GroupSettings) -> None:
        self._write(lambda: self._db.table("settings").upsert(
            _document(settings.to_dict(), 1)))

    def stock(self) -> dict[str, dict]:
        """Chips on hand: {milestone key: {"on_hand": n, "reorder_at": n}}, checked."""
        self._table("stock")
        return {key: dict(value) for key, value in self._stored("stock").get("1", {}).items()}

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
            with self._writing:
                if self._closed:  # let go of: another window may be writing now
                    raise DatabaseLocked(self.path)
                with self._db.storage.batch(backup=backup):
                    change()
        except BaseException as error:
            self._records = None  # memory went back to the file: read it again when needed
            if isinstance(error, OSError):
                raise StorageFailed(self.path, error) from None
            raise
        finally:
            self._checked.clear()


def writer_lock(path: Path) -> "FileLock":
    """The lock of the database at `path`, taken; DatabaseLocked when another writer has it.

    filelock is imported here, by writers only: it costs a reading command ~70 ms to load.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=0, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseLocked(path) from None
    return lock


def _read(path: Path) -> dict:
    """What a Database holds of the file at `path`: its tables (an older version upgraded
    in memory), the version it had, and its stamp from before it was read."""
    read_from = file_stamp(path)  # first: a change while reading shows as a new stamp
    content = loader.read(path, records_checked=True)
    upgrade_from = None
    if content is None:
        content = {"schema_version": CURRENT_VERSION, "tables": {}}
    elif detect_version(content) < CURRENT_VERSION:
        # Upgraded in memory; the file is upgraded with the first change that succeeds,
        # so a refused command leaves it exactly as it was.
        upgrade_from = detect_version(content)
        content = migrate(content)
    return {"tables": content["tables"], "upgrade_from": upgrade_from, "read_from": read_from}


def _unusable_folder(path: Path, error: OSError) -> UnreadableDatabase:
    reason = _("its folder cannot be used: {reason}").format(reason=error.strerror or error)
    return UnreadableDatabase(path, reason, None)


def _document(data: dict, doc_id: int):
    from tinydb.table import Document

    return Document(data, doc_id=doc_id)


def _keep_old_file(path: Path, version: int) -> None:
    """A copy of a file of an older schema version, made before it is first rewritten."""
    backup = migration_backup_path(path, version)
    if not backup.exists():
        copy_durably(path, backup)


def _meeting_exists(name: str) -> ValidationError:
    return ValidationError(N_("name"), _("a meeting named {name} already exists").format(
        name=repr(name)))


def _no_record(meeting: str, day: date) -> ValidationError:
    return ValidationError(N_("date"), _("no record of {meeting} on {date}").format(
        meeting=repr(meeting), date=day.isoformat()))
