"""`facilitator doctor [--restore]`: check the database; put the newest good backup back."""

import sys
from datetime import datetime
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.plurals import plural
from facilitator.core.text_out import escape
from facilitator.store import loader
from facilitator.store.checked_tables import Problem, table_problems
from facilitator.store.database import writer_lock
from facilitator.store.errors import UnreadableDatabase
from facilitator.store.files import copy_durably
from facilitator.store.migrations import detect_version, migrate
from facilitator.store.named_paths import resolve_db_path
from facilitator.store.paths import backup_paths, journal_path
from facilitator.store.platform_files import replace


def register(subparsers) -> None:
    parser = subparsers.add_parser("doctor", help="check the database and its backups")
    parser.add_argument("--restore", action="store_true",
                        help="move a broken database aside and put the newest good backup back")
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    path = resolve_db_path(args.db)
    if args.restore:
        return restore(path, clock)
    return check(path)


def check(path: Path) -> int:
    print(escape(f"database: {path}"))
    try:
        content = loader.read(path)
    except FacilitatorError as error:
        print(escape(f"  problem: {error}"))
        _print_backups(path)
        return error.exit_status
    if content is None:
        print("  no database yet: it is created when the first meeting is added")
        return 0
    version = detect_version(content)
    tables = migrate(content)["tables"]
    print(f"  readable, schema version {version}" + (" (will be migrated when opened)"
                                                     if version < 1 else ""))
    # The same checks every command makes when it reads a table, here for every document.
    problems = table_problems(tables)
    damaged = {problem.document for problem in problems}
    problems += _check_links(tables.get("meetings", {}), tables.get("records", {}), damaged,
                             tables.get("minutes", {}))
    for problem in problems:
        print(escape(f"  {problem}"))
    print(f"  {len(tables.get('meetings', {}))} meetings, {len(tables.get('records', {}))} records")
    _print_backups(path)
    journal = journal_path(path)
    if journal.exists():
        print(escape(f"  a meeting in progress was left behind ({journal.name}): open the app "
                     "to resume or discard it"))
    if problems:
        print(f"{plural(len(problems), 'problem', 'problems')} found", file=sys.stderr)
        return 1
    print("ok: no problems found")
    return 0


def _check_links(meetings: dict, records: dict, damaged: set[str],
                 minutes: dict | None = None) -> list[Problem]:
    """Names used twice, records (and minutes) of no known meeting, two for one meeting and
    day (among the documents that are not `damaged` themselves)."""
    problems = []
    names: dict[str, str] = {}
    for doc_id, meeting in meetings.items():
        if f"meeting {doc_id}" in damaged:
            continue
        name = meeting.get("name")
        if isinstance(name, str) and name.strip().casefold() in names:
            problems.append(Problem(f"meeting {doc_id}", f"the name {name!r} is used by "
                                    f"meeting {names[name.strip().casefold()]} too"))
        elif isinstance(name, str):
            names[name.strip().casefold()] = doc_id
    for kind, documents in (("record", records), ("minutes", minutes or {})):
        days: dict[tuple[str, str], str] = {}
        for doc_id, document in documents.items():
            if f"{kind} {doc_id}" in damaged:
                continue
            name, day = document["meeting"], document["date"]
            key = (name.strip().casefold(), day)
            if key[0] not in names:
                problems.append(Problem(f"{kind} {doc_id}",
                                        f"there is no meeting named {name!r}"))
            if key in days:
                problems.append(Problem(f"{kind} {doc_id}", f"{name!r} on {day} is also "
                                                            f"{kind} {days[key]}"))
            days.setdefault(key, doc_id)
    return problems


def _print_backups(path: Path) -> None:
    backups = [p for p in backup_paths(path) if p.exists()]
    backups += sorted(path.parent.glob(path.name + ".v*.bak"))
    if not backups:
        print("  backups: none yet (one is written each time a meeting's record is saved)")
    for backup in backups:
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        state = "readable" if loader.readable_whole(backup) else "NOT readable"
        print(escape(f"  backup {backup.name}: {when}, {state}"))


def restore(path: Path, clock: Clock) -> int:
    lock = writer_lock(path)
    try:
        try:
            content = loader.read(path)
        except UnreadableDatabase:
            content = None
        if content is not None and not table_problems(migrate(content)["tables"]):
            print(escape(f"{path} is readable; nothing to restore"))
            return 0
        backup = loader.newest_backup(path)
        if backup is None:
            if not path.exists():
                print(escape(f"there is no database at {path} and no backup of it; "
                             "nothing to restore"))
                return 0
            raise UnreadableDatabase(path, "and there is no readable backup to restore", None)
        if path.exists():
            aside = _aside_name(path, clock)
            replace(path, aside)  # retried while another program holds it (Windows)
            print(escape(f"moved the broken file to {aside}"))
        copy_durably(backup, path)
        print(escape(f"restored {backup.name} "
                     f"({datetime.fromtimestamp(backup.stat().st_mtime):%Y-%m-%d %H:%M})"))
        return 0
    finally:
        lock.release()


def _aside_name(path: Path, clock: Clock) -> Path:
    """Where the broken file goes: a new name each time, so no earlier one is replaced."""
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    return aside
