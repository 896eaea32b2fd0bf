"""`facilitator treasury add|opening|list|report|plan|split`: the 7th tradition ledger.

Every amount goes through the one money parser and every date through the strict date
parser (a date of the ledger, like a record's, is not in the future); a refused command
writes nothing. Text output is in the group's currency; `--json` gives integer cents.
"""

from datetime import date

import orjson

from facilitator.commands.common import date_option, open_database
from facilitator.commands.treasury_text import (entry_line, entry_lines, position_lines,
                                                share_lines)
from facilitator.core.clock import Clock
from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.money import format_cents, parse_amount
from facilitator.core.settings import RESERVE_MONTHS_LIMIT
from facilitator.core.treasury.chip_delivery import parse_delivery, stock_after_delivery
from facilitator.core.treasury.entry import CHIPS_CATEGORY, Entry
from facilitator.core.treasury.split import describe_plan, parse_plan
from facilitator.core.text_out import escape
from facilitator.store.database import Database
from facilitator.store.ladders import group_ladder

_KINDS = {"expense": N_("an expense"), "contribution": N_("a contribution to a service body"),
          "income": N_("other income (e.g. a literature sale)")}


def register(subparsers) -> None:
    parser = subparsers.add_parser("treasury",
                                   help=_("the 7th tradition ledger, reserve and split"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("add an expense, a contribution or other income"))
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, help_text in _KINDS.items():
        entry = kinds.add_parser(kind, help=_(help_text))
        entry.add_argument("amount", metavar="AMOUNT", help=_("e.g. 12.50"))
        entry.add_argument("--date", required=True, help=_("YYYY-MM-DD"))
        if kind == "contribution":
            entry.add_argument("--to", required=True, help=_("the service body, e.g. District"))
        else:
            # Translators: the categories are stored values, typed as they are here.
            entry.add_argument("--category", required=kind == "expense",
                               help=_("rent, literature, chips and keytags, refreshments, "
                                      "other, or the group's own"))
        entry.add_argument("--memo", default="", help=_("the group's words (no names)"))
        if kind == "expense":
            entry.add_argument("--stock", action="append", default=[], metavar="KEY=N",
                               help=_("a chip delivery: add N chips of KEY to the stock"))
        entry.set_defaults(run=run_add)

    opening = actions.add_parser("opening", help=_("the amount on hand when the ledger starts"))
    opening.add_argument("amount", metavar="AMOUNT")
    opening.add_argument("--date", required=True, help=_("YYYY-MM-DD"))
    opening.add_argument("--memo", default="", help=_("the group's words (no names)"))
    opening.set_defaults(run=run_opening)

    listing = actions.add_parser("list", help=_("the ledger's entries"))
    listing.add_argument("--from", dest="start", metavar="D", help=_("from this date"))
    listing.add_argument("--to", dest="end", metavar="D", help=_("to this date"))
    listing.add_argument("--json", action="store_true", help=_("as JSON (amounts in cents)"))
    listing.set_defaults(run=run_list)

    report = actions.add_parser("report", help=_("balance, prudent reserve, available and split"))
    report.add_argument("--on", metavar="D", help=_("the date (default today)"))
    report.add_argument("--json", action="store_true", help=_("as JSON (amounts in cents)"))
    report.set_defaults(run=run_report)

    plan = actions.add_parser("plan",
                              help=_("show or set the contribution split and the reserve"))
    plan.add_argument("parts", nargs="*", metavar="PART", help=_('e.g. "District 40" "Area 30"'))
    plan.add_argument("--reserve-months", metavar="N",
                      help=_("months of expenses kept as the prudent reserve (default 3)"))
    plan.set_defaults(run=run_plan)

    split = actions.add_parser("split", help=_("split what is available (or AMOUNT)"))
    split.add_argument("amount", nargs="?", metavar="AMOUNT")
    split.add_argument("--record", action="store_true",
                       help=_("record one contribution per service body, in one write"))
    split.add_argument("--date", help=_("the date of the contributions (with --record)"))
    split.set_defaults(run=run_split)


def today(clock: Clock) -> date:
    return clock.now().date()


def run_add(args, clock: Clock) -> int:
    with open_database(args, writer=True) as database:
        settings = database.settings()
        amount = parse_amount(args.amount, "amount")
        day = date_option(args.date, "date", database, today=today(clock))
        entry = Entry(args.kind, day, amount, category=getattr(args, "category", None) or "",
                      to=getattr(args, "to", ""), memo=args.memo)
        stock, added = None, []
        if getattr(args, "stock", None):
            if entry.category != CHIPS_CATEGORY:
                raise ValidationError("--stock", _('goes with --category "{category}"').format(
                    category=CHIPS_CATEGORY))
            ladder = group_ladder(settings, database.path)
            delivery = parse_delivery(args.stock, ladder, "--stock")
            stock, added = stock_after_delivery(database.stock(), delivery, ladder)
        number, = database.add_ledger_entries([entry], stock=stock)
    print(escape(entry_line(number, entry, settings.currency)))
    for line in added:
        print(escape(line))
    return 0


def run_opening(args, clock: Clock) -> int:
    with open_database(args, writer=True) as database:
        currency = database.settings().currency
        entry = Entry("opening", date_option(args.date, "date", database, today=today(clock)),
                      parse_amount(args.amount, "amount"), memo=args.memo)
        number, = database.add_ledger_entries([entry])
    print(escape(entry_line(number, entry, currency)))
    return 0


def run_list(args, clock: Clock) -> int:
    with open_database(args, writer=False) as database:
        currency = database.settings().currency
        start = date_option(args.start, "--from", database, today=today(clock))
        end = date_option(args.end, "--to", database, today=today(clock))
        if start and end and start > end:
            raise ValidationError("--from", _("{start} is after --to {end}").format(
                start=start.isoformat(), end=end.isoformat()))
        chosen = [(number, entry) for number, entry in database.ledger()
                  if (start is None or entry.date >= start) and (end is None or entry.date <= end)]
    if args.json:
        rows = [{"entry": number, **entry.to_dict()} for number, entry in chosen]
        print(orjson.dumps({"currency": currency, "entries": rows},
                           option=orjson.OPT_INDENT_2).decode())
        return 0
    for line in entry_lines(chosen, currency, filtered=bool(start or end)):
        print(escape(line))
    return 0


def run_report(args, clock: Clock) -> int:
    with open_database(args, writer=False) as database:
        on = date_option(args.on, "--on", database, today=today(clock)) or today(clock)
        figures = database.treasury(on)
    if args.json:
        print(orjson.dumps(figures.to_json(), option=orjson.OPT_INDENT_2).decode())
        return 0
    for line in position_lines(figures):
        print(escape(line))
    return 0


def run_plan(args, clock: Clock) -> int:
    changes = {}
    if args.parts:  # refused before the database is opened for writing
        changes["split_plan"] = parse_plan(args.parts)
    if args.reserve_months is not None:
        changes["reserve_months"] = validate.count("reserve months", args.reserve_months,
                                                   maximum=RESERVE_MONTHS_LIMIT)
    with open_database(args, writer=bool(changes)) as database:
        settings = database.settings()
        if changes:
            settings = settings.edit(**changes)
            database.save_settings(settings)
    print(escape(ngettext("split plan: {plan}; prudent reserve: {n} month of expenses",
                          "split plan: {plan}; prudent reserve: {n} months of expenses",
                          settings.reserve_months).format(
        plan=describe_plan(settings.split_plan), n=settings.reserve_months)))
    return 0


def run_split(args, clock: Clock) -> int:
    if args.date and not args.record:
        raise ValidationError("--date", _("goes with --record (the date of the contributions)"))
    if args.record and not args.date:
        raise ValidationError("--date", _("is needed with --record"))
    amount = parse_amount(args.amount, "amount") if args.amount is not None else None
    with open_database(args, writer=args.record) as database:
        on = date_option(args.date, "date", database, today=today(clock)) or today(clock)
        figures = database.treasury(on)
        if not figures.plan:
            raise ValidationError("plan", _('there is no split plan yet; set one with '
                                            '`facilitator treasury plan "District 40" …`'))
        shares = figures.split(amount)
        if args.record:
            record_split(database, figures, shares, on)
    for line in share_lines(figures, shares, recorded=args.record):
        print(escape(line))
    return 0


def record_split(database: Database, figures, shares, on: date) -> None:
    """One contribution per service body, all in one atomic write."""
    total = sum(share.amount for share in shares)
    if total == 0:
        raise ValidationError("amount", _("nothing to send: the amount available is 0.00"))
    if total > figures.balance:
        raise ValidationError("amount", _("{total} is more than the balance on {date} "
                                          "({balance})").format(
            total=format_cents(total, figures.currency), date=on.isoformat(),
            balance=format_cents(figures.balance, figures.currency)))
    database.add_ledger_entries([Entry("contribution", on, share.amount, to=share.to,
                                       # a memo stored in the ledger: not translated
                                       memo=f"{share.percent}% of the split")
                                 for share in shares if share.amount])
