"""`facilitator export --format md --treasury`: the monthly treasurer's report."""

from facilitator.commands.common import date_option, open_database
from facilitator.commands.output import emit
from facilitator.commands.treasury import today
from facilitator.core.clock import Clock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _
from facilitator.core.text_out import escape
from facilitator.core.treasury.report_markdown import last_full_month
from facilitator.store.named_paths import output_path, write_output


def run_report(args, clock: Clock) -> int:
    if args.format != "md":
        raise ValidationError("--treasury", _("goes with --format md (the treasurer's report)"))
    if args.meeting:
        raise ValidationError("--meeting", _("the treasurer's report is the whole group's"))
    if args.by != "occurrence":
        raise ValidationError("--by", _("goes with the attendance exports, not --treasury"))
    if args.output is not None:
        output_path(args.output, args.db)  # refused before any work: nothing is written
    with open_database(args, writer=False) as database:
        start, end = last_full_month(today(clock))
        start = date_option(args.start, "from", database, today=today(clock)) or start
        end = date_option(args.end, "to", database, today=today(clock)) or max(end, start)
        if end < start:
            raise ValidationError("to", _("{end} is before --from {start}").format(
                end=end.isoformat(), start=start.isoformat()))
        data = database.treasurer_report(start, end).encode("utf-8")
    if args.output is None:
        emit(data)
        return 0
    path = write_output(args.output, data, args.db)
    print(escape(_("wrote the treasurer's report for {start} to {end} to {path}").format(
        start=start.isoformat(), end=end.isoformat(), path=path)))
    return 0
