"""`facilitator export`: the records as CSV, JSON or a Markdown report, to stdout or a file."""

from facilitator.core.clock import Clock
from facilitator.commands.output import emit
from facilitator.commands.progress import Progress
from facilitator.commands.selection import Selection, add_selection_options, select_records
from facilitator.core.business.minutes_report import minutes_document
from facilitator.core.i18n import _, counted, ngettext, number
from facilitator.core.records.export_csv import grouped_csv, occurrence_csv
from facilitator.core.records.export_json import GROUPINGS, dumps, export_document
from facilitator.core.records.export_markdown import markdown_report
from facilitator.core.records.statistics import group
from facilitator.core.treasury.ledger_json import ledger_json
from facilitator.core.text_out import escape
from facilitator.store.batch_gc import collector_paused
from facilitator.store.named_paths import output_path, write_output

FORMATS = ("csv", "json", "md")


def register(subparsers) -> None:
    parser = subparsers.add_parser("export",
                                   help=_("export records as CSV, JSON or a Markdown report"))
    parser.add_argument("--format", required=True, choices=FORMATS, help=_("csv, json or md"))
    add_selection_options(parser)
    parser.add_argument("--by", choices=GROUPINGS, default="occurrence",
                        help=_("one line per meeting held (default) or totals per period"))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=_("write to FILE instead of stdout"))
    parser.add_argument("--treasury", action="store_true",
                        help=_("the treasurer's report (with --format md; default: last month)"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    if args.treasury:
        from facilitator.commands.treasury_report import run_report

        return run_report(args, clock)
    if args.output is not None:
        output_path(args.output, args.db)  # refused before any work: nothing is written
    with Progress() as progress, collector_paused():
        chosen = select_records(args, progress, clock.now().date(),
                                # the CSV puts its rows in order itself
                                listed=args.by == "occurrence" and args.format != "csv",
                                with_minutes=args.format == "json")
        progress.step(counted("writing {n} record", "writing {n} records", len(chosen.rows)))
        data = render(chosen, args.format, args.by)
        if args.output is not None:
            path = write_output(args.output, data, args.db)
    if args.output is not None:
        print(escape(ngettext("exported {n} record to {path}", "exported {n} records to {path}",
                              len(chosen.rows)).format(n=number(len(chosen.rows)), path=path)))
    else:
        emit(data)
    return 0


def render(chosen: Selection, form: str, by: str) -> bytes:
    """The chosen rows in one of FORMATS."""
    if form == "csv":
        text = (occurrence_csv(chosen.rows, oldest_first=True) if by == "occurrence"
                else grouped_csv(group(chosen.rows, by), chosen.currency))
        return text.encode("utf-8")
    if form == "json":
        document = export_document(chosen.rows, by, chosen.start, chosen.end, chosen.previous)
        if chosen.minutes:  # carried for `minutes import` and `merge`
            document["minutes"] = minutes_document(chosen.minutes)["minutes"]
        if chosen.meeting is None:  # the ledger is the whole group's
            document["ledger"] = ledger_json(chosen.ledger, chosen.currency)
        return dumps(document)
    title = (_("Attendance report: {meeting}").format(meeting=chosen.meeting) if chosen.meeting
             else _("Attendance report"))
    return markdown_report(chosen.rows, by, chosen.start, chosen.end, chosen.previous,
                           title).encode("utf-8")
