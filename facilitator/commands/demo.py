"""`facilitator demo`: a throwaway database with a year of sample records, opened in the app."""

import shlex
import sys
from datetime import date
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.core import validate
from facilitator.core.i18n import _
from facilitator.core.records.demo_data import demo_data
from facilitator.core.text_out import escape
from facilitator.store.database import Database
from facilitator.store.named_paths import new_demo_database, remove_demo_database


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help=_("explore the app on a year of made-up records"))
    parser.add_argument("--no-open", action="store_true",
                        help=_("only create the demo database, print its path, how to open it "
                               "and how to remove it (it is kept)"))
    parser.add_argument("--seed", default="1", help=_("another number gives other sample data"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    seed = validate.count("seed", args.seed, maximum=10**9)
    if not args.no_open:
        from facilitator.tui.launch import refuse_without_terminal

        refuse_without_terminal()  # before a database nobody could open is made
    path = new_demo_database()
    try:
        create_demo_database(path, seed, clock.now().date())
    except BaseException:
        remove_demo_database(path)
        raise
    if args.no_open:
        print(escape(str(path)))
        # Translators: the two commands line up after "open it:" and "remove it:".
        print(escape(_("open it:   {command}").format(
            command=f"facilitator --db {shlex.quote(str(path))}")), file=sys.stderr)
        print(escape(_("remove it: {command}").format(command=removal_command(path.parent))),
              file=sys.stderr)
        return 0
    print(escape(_("demo database: {path} (deleted when you quit)").format(path=path)),
          file=sys.stderr)
    from facilitator.tui.launch import run_app

    args.db = str(path)
    try:
        return run_app(args, clock)
    finally:
        remove_demo_database(path)


def create_demo_database(path: Path, seed: int, today: date) -> int:
    """Write the demo meetings and records to a new database at `path`; return the count."""
    meetings, records = demo_data(seed, today)
    with Database.open(path, writer=True) as database:
        database.add_meetings_and_records(meetings, records)
        database.save_settings(database.settings().edit(demo=True))
    return len(records)


def removal_command(folder: Path) -> str:
    """The command that deletes the demo's own folder, in the shell README uses there."""
    if sys.platform == "win32":
        return f'Remove-Item -Recurse -Force "{folder}"'  # PowerShell, as README's commands
    return f"rm -r {shlex.quote(str(folder))}"
