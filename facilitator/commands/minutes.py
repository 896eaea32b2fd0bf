"""`facilitator minutes`: a group conscience's minutes, read out, carried and back-filled.

    facilitator minutes [--meeting M] [--from D] [--to D] [--format md|json] [-o FILE]
    facilitator minutes add --meeting M --date D --motion TEXT --for N --against N
                            [--abstain N] [--threshold majority|two-thirds|unanimous] [--revote]
    facilitator minutes report --meeting M --date D --section S [--text TEXT]
    facilitator minutes import FILE.json [--replace]

Counts and the group's text only: no mover, seconder or voter is named anywhere.
"""

import sys
from datetime import date

import orjson

from facilitator.commands.common import date_option, open_database
from facilitator.commands.output import emit
from facilitator.commands.selection import add_selection_options, chosen_range
from facilitator.core.business.minutes import Minutes, Report, with_vote
from facilitator.core.business.minutes_report import (minutes_document, minutes_from_document,
                                                      minutes_markdown)
from facilitator.core.business.votes import THRESHOLDS, Vote, check_against_attendance
from facilitator.core.clock import Clock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted
from facilitator.core.records.export_json import dumps
from facilitator.core.text_out import escape
from facilitator.store.named_paths import output_path, read_input, write_output

FORMATS = ("md", "json")
MAX_MINUTES_BYTES = 64 * 1024 * 1024


def register(subparsers) -> None:
    parser = subparsers.add_parser("minutes", help=_("business meeting minutes: show, add, import"))
    add_selection_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="md", help=_("md (default) or json"))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=_("write to FILE instead of stdout"))
    parser.set_defaults(run=show)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    add = actions.add_parser("add", help=_("record a motion's vote from paper minutes"))
    add.add_argument("--meeting", required=True, help=_("meeting name"))
    add.add_argument("--date", required=True,
                     help=_("date of the business meeting, YYYY-MM-DD"))
    add.add_argument("--motion", required=True, help=_("the motion in the group's words"))
    add.add_argument("--for", dest="for_", required=True, metavar="N", help=_("hands for"))
    add.add_argument("--against", required=True, metavar="N", help=_("hands against"))
    add.add_argument("--abstain", default="0", metavar="N", help=_("hands abstaining"))
    add.add_argument("--threshold", choices=THRESHOLDS, default="majority",
                     help=_("what carries it: majority (default), two-thirds or unanimous"))
    add.add_argument("--revote", action="store_true",
                     help=_("a second vote on the same motion, after it was reconsidered"))
    add.set_defaults(run=add_vote)

    report = actions.add_parser("report", help=_("record a report given at a business meeting"))
    report.add_argument("--meeting", required=True, help=_("meeting name"))
    report.add_argument("--date", required=True,
                        help=_("date of the business meeting, YYYY-MM-DD"))
    report.add_argument("--section", required=True,
                        help=_("whose report, e.g. \"Treasurer's report\""))
    report.add_argument("--text", default="", help=_("the report in the group's words (counts, "
                                                     "amounts, decisions; no names)"))
    report.set_defaults(run=add_report)

    carried = actions.add_parser("import", help=_("add minutes from `minutes --format json` "
                                                  "or `export --format json`"))
    carried.add_argument("file", metavar="FILE.json")
    carried.add_argument("--replace", action="store_true",
                         help=_("overwrite minutes that exist for the same meeting and date"))
    carried.set_defaults(run=import_minutes)


def show(args, clock: Clock) -> int:
    if args.output is not None:
        output_path(args.output, args.db)  # refused before any work: nothing is written
    with open_database(args, writer=False) as database:
        start, end, meeting = chosen_range(args, database, clock.now().date())
        chosen = database.minutes(meeting, start, end)
        earlier = database.minutes(meeting, None, start) if start else []
    if args.format == "json":
        data = dumps(minutes_document(chosen))
    else:
        title = (_("Business meeting minutes: {meeting}").format(meeting=meeting) if meeting
                 else _("Business meeting minutes"))
        data = minutes_markdown(chosen, title, earlier).encode("utf-8")
    if args.output is None:
        emit(data)
        return 0
    path = write_output(args.output, data, args.db)
    print(escape(_("wrote the minutes of {meetings} to {path}").format(
        meetings=counted("{n} meeting", "{n} meetings", len(chosen)), path=path)))
    return 0


def add_vote(args, clock: Clock) -> int:
    vote = Vote(args.for_, args.against, args.abstain, args.threshold)
    with open_database(args, writer=True) as database:
        meeting, day, minutes = _minutes_of(database, args, clock.now().date())
        warning = check_against_attendance(vote, minutes.attendance)
        minutes, motion = with_vote(minutes, args.motion, vote, revote=args.revote,
                                    threshold=args.threshold)
        database.save_minutes(minutes)
    if warning:
        print(escape(_("facilitator: warning: {warning}").format(warning=warning)),
              file=sys.stderr)
    recorded = (_("recorded re-vote on {motion} at {meeting} on {date}: {arithmetic}")
                if args.revote else
                _("recorded motion {motion} at {meeting} on {date}: {arithmetic}"))
    print(escape(recorded.format(motion=repr(motion.text), meeting=repr(meeting.name),
                                 date=day.isoformat(), arithmetic=vote.arithmetic)))
    return 0


def _minutes_of(database, args, today: date) -> tuple:
    """The meeting, the date and the minutes kept for them (new ones: the record's
    attendance, or nobody signed in)."""
    meeting = database.get_meeting(args.meeting)
    day = date_option(args.date, "date", database, today=today)
    found = database.find_minutes(meeting.name, day)
    if found is None:
        record = database.find_record(meeting.name, day)
        found = Minutes(meeting.name, day, record.attendance if record else 0)
    return meeting, day, found


def add_report(args, clock: Clock) -> int:
    report = Report(args.section, args.text)
    with open_database(args, writer=True) as database:
        meeting, day, minutes = _minutes_of(database, args, clock.now().date())
        database.save_minutes(minutes.with_report(report))
    print(escape(_("recorded the {section} at {meeting} on {date}").format(
        section=repr(report.section), meeting=repr(meeting.name), date=day.isoformat())))
    return 0


def import_minutes(args, clock: Clock) -> int:
    raw = read_input(args.file, "file", limit=MAX_MINUTES_BYTES)
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ValidationError("file", _("is not valid JSON")) from None
    entries = minutes_from_document(document, "file")
    with open_database(args, writer=True) as database:
        database.add_minutes(entries, replace=args.replace)
    motions = sum(len(entry.motions) for entry in entries)
    print(escape(_("imported the minutes of {meetings} ({motions})").format(
        meetings=counted("{n} meeting", "{n} meetings", len(entries)),
        motions=counted("{n} motion", "{n} motions", motions))))
    return 0
