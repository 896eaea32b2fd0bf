"""`facilitator chips`: the milestone calculator, and `chips stock` for the chip inventory."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import orjson

from facilitator.commands.common import speak_group_language
from facilitator.core.clock import Clock
from facilitator.core.dates import (AmbiguousDate, describe_date, parse_counted_on,
                                    parse_sober_date)
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted, ngettext, number
from facilitator.core.chips.milestones import Ladder, MilestoneDate, time_sober
from facilitator.core.settings import GroupSettings
from facilitator.core.text_out import escape
from facilitator.store.database import Database
from facilitator.store.ladders import load_ladder
from facilitator.store.named_paths import resolve_db_path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "chips", help=_("chip and keytag milestones; chip stock"),
        description=_("`chips DATE` shows time sober and milestones; `chips stock` lists the "
                      "chips on hand, `chips stock set KEY N [--reorder N]` and "
                      "`chips stock add KEY N` change it."),
    )
    parser.add_argument("words", nargs="*", metavar="DATE|stock",
                        help=_("the sober date, e.g. 2024-03-14; or stock [set|add KEY N]"))
    parser.add_argument("--on", metavar="DATE", help=_("count up to this date (default today)"))
    parser.add_argument("--ladder", metavar="NAME", help=_("aa, na, monthly or the group's own"))
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="order", action="store_const", const="dayfirst",
                       help=_("read 03/04/2024 as 3 April"))
    order.add_argument("--monthfirst", dest="order", action="store_const", const="monthfirst",
                       help=_("read 03/04/2024 as March 4"))
    parser.add_argument("--reorder", metavar="N", help=_("with `stock set`: the reorder level"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(run=run)


def run(args, clock: Clock) -> int:
    if args.words and args.words[0].lower() == "stock":
        from facilitator.commands.chips_stock import run_stock

        return run_stock(args, args.words[1:])
    return run_calculator(args, clock.now().date())


def group_settings(db_path: Path) -> GroupSettings:
    """The group's settings when a database exists (read only, no lock), else the defaults."""
    if not db_path.exists():
        return GroupSettings()
    with Database.open(db_path, writer=False) as database:
        return database.settings()


def chosen_ladder(args, settings: GroupSettings, db_path: Path) -> Ladder:
    return load_ladder(args.ladder or settings.ladder, db_path, leap_day=settings.leap_day)


def run_calculator(args, now: date) -> int:
    if args.reorder is not None:
        raise ValidationError("--reorder", _("goes with `chips stock set KEY N`"))
    text = " ".join(args.words).strip()
    if not text:
        raise ValidationError(_("sober date"),
                              _("missing; type it like `facilitator chips 2024-03-14`"))
    db_path = resolve_db_path(args.db)
    settings = group_settings(db_path)
    speak_group_language(args, settings)
    order = args.order or settings.date_order
    with _order_hint():
        sober = parse_sober_date(text, today=now, order=order)
        on = parse_counted_on(args.on, sober=sober, today=now, order=order) if args.on else now
    ladder = chosen_ladder(args, settings, db_path)
    sober_for = time_sober(sober, on, ladder.leap_day)
    reached, coming = ladder.reached(sober, on), ladder.next_after(sober, on)
    if args.json:
        print(orjson.dumps({
            "sober_date": sober.isoformat(), "on": on.isoformat(),
            "years": sober_for.years, "months": sober_for.months, "days": sober_for.days,
            "total_days": sober_for.total_days,
            "reached": _milestone_json(reached),
            "next": {**_milestone_json(coming), "days_until": coming.days_until(on)}
            if coming else None,
        }, option=orjson.OPT_INDENT_2).decode())
        return 0
    days = counted("{n} day", "{n} days", sober_for.total_days)
    lines = [
        (_("Sober date:"), describe_date(sober)),
        (_("On:"), _("{date} (today)").format(date=describe_date(on)) if on == now
         else describe_date(on)),
        (_("Time sober:"), _("{time} ({days})").format(time=sober_for.describe(), days=days)),
        (_("Reached:"), _reached_text(reached, on)),
        (_("Next:"), _next_text(coming, on)),
        (_("Ladder:"), _("{title} ({name})").format(title=ladder.title, name=ladder.name)),
    ]
    width = max(12, *(len(name) + 1 for name, _value in lines))
    for name, value in lines:
        print(escape(f"{name:<{width}}{value}"))
    return 0


@contextmanager
def _order_hint() -> Iterator[None]:
    """An ambiguous date, when the group has no date order, says which option settles it."""
    try:
        yield
    except AmbiguousDate as error:
        raise ValidationError(error.field, _("{reason}: add --dayfirst or "
                                             "--monthfirst").format(reason=error.reason)
                              ) from None


def _milestone_json(found: MilestoneDate | None) -> dict | None:
    if found is None:
        return None
    return {"key": found.key, "label": found.label, "date": found.date.isoformat()}


def _reached_text(reached: MilestoneDate | None, on: date) -> str:
    if reached is None:
        return _("none yet")
    if reached.date == on:
        return _("{milestone}, today").format(milestone=reached.milestone.title)
    return _("{milestone}, on {date}").format(milestone=reached.milestone.title,
                                              date=describe_date(reached.date))


def _next_text(coming: MilestoneDate | None, on: date) -> str:
    if coming is None:
        return _("none: this ladder ends here")
    days = coming.days_until(on)
    return ngettext("{milestone}, on {date}, in {n} day", "{milestone}, on {date}, in {n} days",
                    days).format(milestone=coming.milestone.title,
                                 date=describe_date(coming.date), n=number(days))
