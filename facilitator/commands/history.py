"""`facilitator history`: attendance over time, as a table or (with --json) as JSON."""

from facilitator.core.clock import Clock
from facilitator.commands.output import emit
from facilitator.commands.progress import Progress
from facilitator.commands.selection import Selection, add_selection_options, select_records
from facilitator.core.records.export_json import dumps, export_document
from facilitator.core.records.report_tables import (aligned_text, occurrence_table, period_table,
                                            summary_lines)
from facilitator.core.records.statistics import PERIODS, combine, group, summarize
from facilitator.core.i18n import _
from facilitator.core.text_out import escape
from facilitator.store.batch_gc import collector_paused


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "history", help=_("attendance over time: each meeting, or totals per week, month or year"))
    add_selection_options(parser)
    parser.add_argument("--by", choices=PERIODS, help=_("totals and averages per period"))
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    with Progress() as progress, collector_paused():
        chosen = select_records(args, progress, clock.now().date(), listed=args.by is None)
        if args.json:
            data = dumps(export_document(chosen.rows, args.by or "occurrence", chosen.start,
                                         chosen.end, chosen.previous))
        else:
            data = history_text(chosen, args.by).encode("utf-8")
    emit(data)
    return 0


def history_text(chosen: Selection, by: str | None) -> str:
    """The table of records (or periods) and the summary figures under it."""
    if not chosen.rows:
        if not chosen.stored:
            return _("no records yet; add one with `facilitator record` or "
                     "`facilitator import FILE.csv`") + "\n"
        return _("no records match; try another --meeting, --from or --to") + "\n"
    groups = group(chosen.rows, by) if by else None
    table = period_table(groups) if groups else occurrence_table(chosen.rows)
    summary = summarize(chosen.rows, chosen.start, chosen.end, chosen.previous,
                        totals=combine(groups) if groups else None)
    width = max(len(label) for label, _value in summary_lines(summary))
    # Translators: {meeting} is a meeting's name or "All meetings"; the dates are ISO.
    title = escape(_("{meeting}, {start} to {end}").format(
        meeting=chosen.meeting or _("All meetings"), start=summary.totals.start.isoformat(),
        end=summary.totals.end.isoformat()))
    lines = [title, "", aligned_text(table), ""]
    lines += [escape(f"{label:<{width}}  {value}") for label, value in summary_lines(summary)]
    return "\n".join(lines) + "\n"
