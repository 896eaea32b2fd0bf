"""`facilitator merge A.json B.json … -o OUT.json [--by month]`: an intergroup report.

Works on the JSON exports the groups sent; no database is opened.
"""

import orjson

from facilitator.core.business.minutes_report import carried_minutes
from facilitator.core.clock import Clock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted
from facilitator.core.records.export_json import dumps
from facilitator.core.records.merge import merge_exports
from facilitator.core.records.statistics import PERIODS
from facilitator.core.text_out import escape
from facilitator.core.treasury.ledger_json import attach_ledgers
from facilitator.store.named_paths import output_path, read_input, write_output

MAX_EXPORT_BYTES = 256 * 1024 * 1024


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "merge", help=_("combine several groups' JSON exports into one intergroup report"))
    parser.add_argument("files", nargs="+", metavar="FILE.json",
                        help=_("exports made with `export --format json`"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT.json")
    parser.add_argument("--by", choices=PERIODS, help=_("also add the groups up per period"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    output_path(args.output, args.db)  # refused before any work: nothing is written
    sources = [(name, read_json(name)) for name in args.files]
    report = attach_ledgers(merge_exports(sources, args.by), sources)
    for group, (name, document) in zip(report["groups"], sources):
        minutes = carried_minutes(document, name)
        if minutes:  # each group's business meetings, as its export carried them
            group["minutes"] = minutes
    path = write_output(args.output, dumps(report), args.db)
    totals = report["totals"]
    # Translators: {groups} is "3 groups", {meetings} "12 meetings", {attendance} a number.
    print(escape(_("merged {groups} ({meetings} held, {attendance} attendance) into {path}").format(
        groups=counted("{n} group", "{n} groups", len(sources)),
        meetings=counted("{n} meeting", "{n} meetings", totals["meetings"]),
        attendance=totals["attendance"], path=path)))
    return 0


def read_json(name: str) -> object:
    try:
        return orjson.loads(read_input(name, "merge", limit=MAX_EXPORT_BYTES))
    except orjson.JSONDecodeError:
        raise ValidationError(name, _("is not valid JSON")) from None
