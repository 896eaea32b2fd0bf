"""Read the database file and check its shape before anything else touches it."""

from pathlib import Path

import orjson

from facilitator.core.i18n import _
from facilitator.store.checked_tables import table_problems
from facilitator.store.errors import DatabaseTooNew, UnreadableDatabase
from facilitator.store.files import NotARegularFile, read_regular
from facilitator.store.migrations import CURRENT_VERSION, detect_version, migrate
from facilitator.store.paths import backup_paths, migration_backup_path


def newest_backup(db_path: Path) -> Path | None:
    """The most recent backup that every command could read, if any."""
    candidates = [p for p in backup_paths(db_path) if p.exists()]
    candidates += sorted(db_path.parent.glob(db_path.name + ".v*.bak"))
    candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return next(filter(readable_whole, candidates), None)


def readable_whole(path: Path) -> bool:
    """Whether the file parses and holds no damaged value (store/checked_tables.py)."""
    try:
        content = parse(path, read_regular(path), check_backups=False)
    except Exception:
        return False
    return not table_problems(migrate(content)["tables"])


def parse(path: Path, raw: bytes, *, check_backups: bool = True) -> dict:
    """The file's content as a dict of any known version; raise if it is not whole."""

    def unreadable(problem: str) -> UnreadableDatabase:
        return UnreadableDatabase(path, problem, newest_backup(path) if check_backups else None)

    if not raw.strip():
        raise unreadable(_("the file is empty"))
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise unreadable(_("not valid JSON: cut short or damaged")) from None
    if not isinstance(data, dict):
        raise unreadable(_("not a facilitator database: the top level is not an object"))
    version = detect_version(data)
    if version < 0:
        raise unreadable(_("the schema version is not a number"))
    if version > CURRENT_VERSION:
        raise DatabaseTooNew(path, version, CURRENT_VERSION)
    tables = data["tables"] if version >= 1 else data
    if not isinstance(tables, dict):
        raise unreadable(_("not a facilitator database: 'tables' is not an object"))
    for name, table in tables.items():
        if not isinstance(table, dict) or not _numbered_documents(table):
            raise unreadable(_("not a facilitator database: table {name} has the wrong "
                               "shape").format(name=repr(name[:30])))
    return data


def _numbered_documents(table: object) -> bool:
    """Every key a document number ("1", "2", …) and every value an object.

    Built-ins over the whole table at once: this runs on every open, over every record.
    """
    if not isinstance(table, dict):
        return False
    ids = "".join(table)
    return (all(table) and ids.isascii() and (ids.isdecimal() or not ids)
            and set(map(type, table.values())) <= {dict})


# The one-pass decoder (store/typed_records.py) costs more to load than it saves on a file
# of a few hundred records: it pays for itself from about 600 in the app and 2,000 in a
# command (benchmarks/README). A group's file after a year or two is read the usual way, and
# the first screen shows sooner.
ONE_PASS_FROM_BYTES = 256 * 1024  # about 900 records


def read(path: Path, *, records_checked: bool = False) -> dict | None:
    """Parsed content of the file, or None when there is no file yet.

    With `records_checked` (the database opening it), the records table of a current file
    of ONE_PASS_FROM_BYTES or more is read and checked in one pass when it can be, and kept
    as CheckedInAdvance (store/typed_records.py); anything else is read as `parse` says and
    its records checked when first asked for (store/checked_tables.py)."""
    try:
        raw = read_regular(path)  # a pipe or a folder is refused, never waited on
    except FileNotFoundError:
        return None
    except NotARegularFile as error:
        raise UnreadableDatabase(path, _("it is {kind}, not a file").format(kind=error.kind),
                                 None) from None
    except OSError as error:
        raise UnreadableDatabase(path, error.strerror or str(error), newest_backup(path)) from None
    if records_checked and len(raw) >= ONE_PASS_FROM_BYTES:
        from facilitator.store.typed_records import read_fast

        if content := read_fast(raw, CURRENT_VERSION, _numbered_documents):
            return content
    return parse(path, raw)


__all__ = ["migration_backup_path", "newest_backup", "parse", "read"]
