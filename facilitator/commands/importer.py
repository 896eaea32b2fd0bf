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
from facilitator.core.i18n import _, counted, ngettext, number
from facilitator.core.records.export_csv import parse_occurrence_rows
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.text_out import escape
from facilitator.store.batch_gc import collector_paused
from facilitator.store.named_paths import read_input

MAX_CSV_BYTES = 256 * 1024 * 1024


def register(subparsers) -> None:
    parser = subparsers.add_parser("import",
                                   help=_("add records from a CSV file like `export` writes"))
    parser.add_argument("file", metavar="FILE.csv")
    parser.add_argument("--replace", action="store_true",
                        help=_("overwrite records that exist for the same meeting and date"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    text = read_text(args.file)
    with Progress() as progress, collector_paused(), open_database(args, writer=True) as database:
        settings = database.settings()
        progress.step(_("checking every row"))
        rows = parse_occurrence_rows(text, today=clock.now().date(), order=settings.date_order,
                                     currency=settings.currency)
        if not args.replace:
            refuse_existing(rows, database.has_record)
        known = {meeting.key for meeting in database.meetings()}
        created: dict[str, Meeting] = {}
        for _row, record in rows:
            key = record.meeting.casefold()
            if key not in known and key not in created:
                created[key] = Meeting(name=record.meeting)
        progress.step(counted("saving {n} record", "saving {n} records", len(rows)))
        database.add_meetings_and_records(list(created.values()), [r for _row, r in rows],
                                          replace=args.replace)
    records = counted("{n} record", "{n} records", len(rows))
    if not created:
        print(escape(_("imported {records}").format(records=records)))
        return 0
    names = [repr(m.name) for m in created.values()]
    shown = ", ".join(names[:5])
    if len(names) > 5:
        shown = _("{names} and {n} more").format(names=shown, n=number(len(names) - 5))
    # Translators: {records} is "12 records"; {names} the new meetings' names in quotes.
    print(escape(ngettext("imported {records} and created {n} meeting: {names}",
                          "imported {records} and created {n} meetings: {names}",
                          len(names)).format(records=records, n=number(len(names)),
                                             names=shown)))
    return 0


def read_text(name: str) -> str:
    raw = read_input(name, "file", limit=MAX_CSV_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("file", _("{name} is not UTF-8 text; save it from the "
                                        "spreadsheet as \"CSV UTF-8\"").format(
                                            name=Path(name).name)) from None
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        # A JSON export's records come back through its CSV twin; its minutes have their
        # own import, which checks and keeps them.
        raise ValidationError("file", _("{name} is JSON; import records from "
                                        "`export --format csv`, and the minutes a JSON export "
                                        "carries with `facilitator minutes import FILE.json`"
                                        ).format(name=Path(name).name))
    return text


def refuse_existing(rows, exists: Callable[[tuple[str, str]], bool]) -> None:
    """Name the first row whose meeting and date already have a record."""
    clashes = [(row, record) for row, record in rows if exists(record.key)]
    if clashes:
        row, record = clashes[0]
        reason = _("{meeting} already has a record for {date}; add --replace to overwrite "
                   "it").format(meeting=repr(record.meeting), date=record.date.isoformat())
        if len(clashes) > 1:
            reason = ngettext("{reason} ({n} more row too)", "{reason} ({n} more rows too)",
                              len(clashes) - 1).format(reason=reason, n=number(len(clashes) - 1))
        raise ValidationError(_("row {row}, date").format(row=row), reason)
