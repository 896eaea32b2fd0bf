"""`facilitator import FILE.csv [--replace]`: back-fill records from a spreadsheet or paper.

Reads the per-occurrence CSV that `facilitator export --format csv` writes. Every row is
checked before anything is saved; one bad row and nothing is written.
"""

from collections.abc import Callable
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.commands.common import open_database
from facilitator.commands.progress import Progress
from facilitator.core.errors import ValidationError
from facilitator.core.plurals import plural
from facilitator.core.records.export_csv import parse_occurrence_rows
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.text_out import escape
from facilitator.store.batch_gc import collector_paused
from facilitator.store.named_paths import read_input

MAX_CSV_BYTES = 256 * 1024 * 1024


def register(subparsers) -> None:
    parser = subparsers.add_parser("import",
                                   help="add records from a CSV file like `export` writes")
    parser.add_argument("file", metavar="FILE.csv")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite records that exist for the same meeting and date")
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    text = read_text(args.file)
    with Progress() as progress, collector_paused(), open_database(args, writer=True) as database:
        settings = database.settings()
        progress.step("checking every row")
        rows = parse_occurrence_rows(text, today=clock.now().date(), order=settings.date_order,
                                     currency=settings.currency)
        if not args.replace:
            refuse_existing(rows, database.has_record)
        known = {meeting.key for meeting in database.meetings()}
        created: dict[str, Meeting] = {}
        for _, record in rows:
            key = record.meeting.casefold()
            if key not in known and key not in created:
                created[key] = Meeting(name=record.meeting)
        progress.step(f"saving {plural(len(rows), 'record', 'records')}")
        database.add_meetings_and_records(list(created.values()), [r for _, r in rows],
                                          replace=args.replace)
    message = f"imported {plural(len(rows), 'record', 'records')}"
    if created:
        names = [repr(m.name) for m in created.values()]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        message += f" and created {plural(len(names), 'meeting', 'meetings')}: {shown}"
    print(escape(message))
    return 0


def read_text(name: str) -> str:
    raw = read_input(name, "file", limit=MAX_CSV_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("file", f"{Path(name).name} is not UTF-8 text; save it from the "
                                      "spreadsheet as \"CSV UTF-8\"") from None
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        # A JSON export's records come back through its CSV twin; its minutes have their
        # own import, which checks and keeps them.
        raise ValidationError("file", f"{Path(name).name} is JSON; import records from "
                                      "`export --format csv`, and the minutes a JSON export "
                                      "carries with `facilitator minutes import FILE.json`")
    return text


def refuse_existing(rows, exists: Callable[[tuple[str, str]], bool]) -> None:
    """Name the first row whose meeting and date already have a record."""
    clashes = [(number, record) for number, record in rows if exists(record.key)]
    if clashes:
        number, record = clashes[0]
        more = f" ({len(clashes) - 1} more rows too)" if len(clashes) > 1 else ""
        raise ValidationError(f"row {number}, date", f"{record.meeting!r} already has a record "
                              f"for {record.date.isoformat()}; add --replace to overwrite it{more}")
