"""`facilitator record`: enter a past meeting's counts from a paper sheet."""


from facilitator.core.clock import Clock
from facilitator.commands.common import date_option, open_database
from facilitator.core.money import parse_amount
from facilitator.core.i18n import _, counted
from facilitator.core.records.record import Record, count_field
from facilitator.core.text_out import escape
from facilitator.store.batch_gc import collector_paused


def register(subparsers) -> None:
    parser = subparsers.add_parser("record", help=_("record a past meeting's counts"))
    parser.add_argument("--meeting", required=True, help=_("meeting name"))
    parser.add_argument("--date", required=True, help=_("date of the meeting, YYYY-MM-DD"))
    parser.add_argument("--attendance", required=True, help=_("total headcount"))
    for name, help_text in (("newcomers", _("number of newcomers")),
                            ("visitors", _("number of visitors")),
                            ("online", _("number of online")), ("shares", _("number of shares"))):
        parser.add_argument(f"--{name}", default="0", help=help_text)
    parser.add_argument("--collection", help=_("7th tradition amount, e.g. 12.50"))
    parser.add_argument("--collection-online",
                        help=_("the part of it given online, e.g. 4.00"))
    parser.add_argument("--note", default="", help=_("the group's own words about the meeting"))
    parser.add_argument("--replace", action="store_true",
                        help=_("overwrite an existing record for that meeting and date"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    with collector_paused(), open_database(args, writer=True) as database:
        settings = database.settings()
        meeting = database.get_meeting(args.meeting)
        record = Record(
            meeting=meeting.name,
            date=date_option(args.date, "date", database, today=clock.now().date()),
            attendance=count_field("attendance", args.attendance),
            newcomers=count_field("newcomers", args.newcomers),
            visitors=count_field("visitors", args.visitors),
            online=count_field("online", args.online),
            shares=count_field("shares", args.shares),
            collection=parse_amount(args.collection) if args.collection is not None else 0,
            collection_online=(parse_amount(args.collection_online)
                               if args.collection_online is not None else 0),
            currency=settings.currency,
            note=args.note,
        )
        database.add_record(record, replace=args.replace)
    # Translators: {meeting} is the meeting's name in quotes, {date} is ISO (2024-03-14).
    print(escape(_("recorded {meeting} on {date}: {attending}, {newcomers}").format(
        meeting=repr(record.meeting), date=record.date.isoformat(),
        attending=counted("{n} attending", "{n} attending", record.attendance),
        newcomers=counted("{n} newcomer", "{n} newcomers", record.newcomers))))
    return 0
