"""`facilitator doctor [--restore]`: check the database; put the newest good backup back."""

import sys
from datetime import datetime
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _, counted
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
    parser = subparsers.add_parser("doctor", help=_("check the database and its backups"))
    parser.add_argument("--restore", action="store_true",
                        help=_("move a broken database aside and put the newest good backup "
                               "back"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    path = resolve_db_path(args.db)
    if args.restore:
        return restore(path, clock)
    return check(path)


def check(path: Path) -> int:
    print(escape(_("database: {path}").format(path=path)))
    try:
        content = loader.read(path)
    except FacilitatorError as error:
        print(escape("  " + _("problem: {error}").format(error=error)))
        _print_backups(path)
        return error.exit_status
    if content is None:
        print("  " + _("no database yet: it is created when the first meeting is added"))
        return 0
    version = detect_version(content)
    tables = migrate(content)["tables"]
    print("  " + (_("readable, schema version {version}") if version >= 1 else
                  _("readable, schema version {version} (will be migrated when opened)")
                  ).format(version=version))
    # The same checks every command makes when it reads a table, here for every document.
    problems = table_problems(tables)
    damaged = {problem.document for problem in problems}
    problems += _check_links(tables.get("meetings", {}), tables.get("records", {}), damaged,
                             tables.get("minutes", {}))
    for problem in problems:
        print(escape(f"  {problem}"))
    print("  " + _("{meetings}, {records}").format(
        meetings=counted("{n} meeting", "{n} meetings", len(tables.get("meetings", {}))),
        records=counted("{n} record", "{n} records", len(tables.get("records", {})))))
    _print_backups(path)
    journal = journal_path(path)
    if journal.exists():
        print(escape("  " + _("a meeting in progress was left behind ({name}): open the app "
                              "to resume or discard it").format(name=journal.name)))
    if problems:
        print(counted("{n} problem found", "{n} problems found", len(problems)), file=sys.stderr)
        return 1
    print(_("ok: no problems found"))
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
            problems.append(Problem(f"meeting {doc_id}", _(
                "the name {name} is used by meeting {other} too").format(
                    name=repr(name), other=names[name.strip().casefold()])))
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
                problems.append(Problem(f"{kind} {doc_id}", _(
                    "there is no meeting named {name}").format(name=repr(name))))
            if key in days:
                also = (_("{name} on {day} is also record {other}") if kind == "record"
                        else _("{name} on {day} is also minutes {other}"))
                problems.append(Problem(f"{kind} {doc_id}", also.format(
                    name=repr(name), day=day, other=days[key])))
            days.setdefault(key, doc_id)
    return problems


def _print_backups(path: Path) -> None:
    backups = [p for p in backup_paths(path) if p.exists()]
    backups += sorted(path.parent.glob(path.name + ".v*.bak"))
    if not backups:
        print("  " + _("backups: none yet (one is written each time a meeting's record is "
                       "saved)"))
    for backup in backups:
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        if loader.readable_whole(backup):
            line = _("backup {name}: {when}, readable")
        else:
            line = _("backup {name}: {when}, NOT readable")
        print(escape("  " + line.format(name=backup.name, when=when)))


def restore(path: Path, clock: Clock) -> int:
    lock = writer_lock(path)
    try:
        try:
            content = loader.read(path)
        except UnreadableDatabase:
            content = None
        if content is not None and not table_problems(migrate(content)["tables"]):
            print(escape(_("{path} is readable; nothing to restore").format(path=path)))
            return 0
        backup = loader.newest_backup(path)
        if backup is None:
            if not path.exists():
                print(escape(_("there is no database at {path} and no backup of it; "
                               "nothing to restore").format(path=path)))
                return 0
            raise UnreadableDatabase(path, _("and there is no readable backup to restore"),
                                     None)
        if path.exists():
            aside = _aside_name(path, clock)
            replace(path, aside)  # retried while another program holds it (Windows)
            print(escape(_("moved the broken file to {path}").format(path=aside)))
        copy_durably(backup, path)
        print(escape(_("restored {name} ({when})").format(
            name=backup.name,
            when=f"{datetime.fromtimestamp(backup.stat().st_mtime):%Y-%m-%d %H:%M}")))
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
