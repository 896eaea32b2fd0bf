"""TinyDB storage that can't be left half-written.

TinyDB's JSONStorage overwrites the file in place (a kill mid-write leaves it broken) and
CachingMiddleware holds writes in memory. This storage serialises with orjson, writes a
temporary file beside the database, fsyncs it, renames it over the old one and fsyncs the
folder: a crash leaves either the old file or the new one, whole.

The last state written is kept in memory so that each operation does not parse the whole
file again: the writer holds the lock, so nobody else changes the file underneath.
"""

from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager, nullcontext
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from facilitator.core.i18n import _
from facilitator.store.backups import backed_up
from facilitator.store.files import SavedNotDurable, atomic_write
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.record_table import CheckedInAdvance


class AtomicJSONStorage(Storage):
    """Whole-file atomic writes of {"schema_version": N, "tables": {...}}."""

    def __init__(self, path: Path, tables: dict, *, read_only: bool = False) -> None:
        self.path = path
        self._tables = tables
        self._read_only = read_only
        self._deferred: bool | None = None  # inside batch(): None, or True once changed
        self.before_first_write: Callable[[], None] | None = None  # e.g. keep the old file
        self._backup = False  # the batch's write keeps a backup (written first)

    def allow_writes(self) -> None:
        """Writable from now on: its database has just taken the writer's lock."""
        self._read_only = False

    @contextmanager
    def batch(self, *, backup: bool = False) -> Iterator[None]:
        """Several TinyDB operations saved by one atomic write: all of them or none.

        With `backup`, the new content goes into the backup rotation before the database.
        """
        if self._deferred is not None:  # inside another batch: that one writes
            self._backup = self._backup or backup
            yield
            return
        self._deferred, self._backup = False, backup
        try:
            yield
        except BaseException:
            self._deferred, self._backup = None, False
            self._forget_changes()
            raise
        changed, self._deferred = self._deferred, None
        if changed:
            self.write(self._tables)
        self._backup = False

    def read(self) -> dict:
        for name, table in self._tables.items():
            if isinstance(table, CheckedInAdvance):  # the documents, made when first asked
                self._tables[name] = table.documents()
        return self._tables

    def table(self, name: str) -> dict:
        """One table's documents (made for that table alone if it was kept as JSON)."""
        table = self._tables.get(name, {})
        if isinstance(table, CheckedInAdvance):
            table = self._tables[name] = table.documents()
        return table

    def checked_in_advance(self, name: str) -> CheckedInAdvance | None:
        """The table checked as the file was read, while nothing has asked for its
        documents (store/typed_records.py)."""
        table = self._tables.get(name)
        return table if isinstance(table, CheckedInAdvance) else None

    def write(self, data: dict) -> None:
        if self._read_only:
            raise PermissionError(_("this database was opened for reading only"))
        if self._deferred is not None:
            self._tables, self._deferred = data, True
            return
        payload = orjson.dumps({"schema_version": CURRENT_VERSION, "tables": data})
        backup, self._backup = self._backup, False
        try:
            if self.before_first_write is not None:
                self.before_first_write()
                self.before_first_write = None
            with backed_up(self.path, payload) if backup else nullcontext():
                atomic_write(self.path, payload)
        except SavedNotDurable:
            self._tables = data  # the new file is in place
            raise
        except BaseException:
            self._forget_changes()
            raise
        self._tables = data

    def _forget_changes(self) -> None:
        # TinyDB changed the tables in place before calling write: forget them and
        # take the file (untouched) as the truth again.
        from facilitator.store.loader import read
        from facilitator.store.migrations import migrate

        content = read(self.path)
        self._tables = migrate(content)["tables"] if content else {}

    def close(self) -> None:
        pass


class _NumberedView(MutableMapping):
    """A stored table (document ids as text) seen with whole-number ids, changed in place."""

    def __init__(self, stored: dict) -> None:
        self.stored = stored

    def __getitem__(self, doc_id: int) -> dict:
        return self.stored[str(doc_id)]

    def __setitem__(self, doc_id: int, document: dict) -> None:
        self.stored[str(doc_id)] = document

    def __delitem__(self, doc_id: int) -> None:
        del self.stored[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.stored

    def __iter__(self) -> Iterator[int]:
        return map(int, self.stored)

    def __len__(self) -> int:
        return len(self.stored)

    def clear(self) -> None:
        self.stored.clear()


class InPlaceTable(Table):
    """A TinyDB table whose changes touch only the documents concerned.

    TinyDB's own copies the whole table twice per change (ids to numbers and back): a
    tenth of a second at 100,000 records. On failure the storage reloads the file.
    """

    def _update_table(self, updater: Callable[[dict[int, dict]], None]) -> None:
        tables = self._storage.read()
        updater(_NumberedView(tables.setdefault(self.name, {})))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


class StoreTinyDB(TinyDB):
    """TinyDB with tables that change in place."""

    table_class = InPlaceTable
