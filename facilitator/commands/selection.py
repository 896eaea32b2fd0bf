"""Choosing records on the command line (--meeting, --from, --to): history and export."""

from dataclasses import dataclass
from datetime import date

from facilitator.commands.common import date_option, open_database
from facilitator.commands.progress import Progress
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted
from facilitator.core.records.records import Records
from facilitator.core.records.statistics import oldest_first, select, year_before
from facilitator.store.database import Database


def add_selection_options(parser) -> None:
    parser.add_argument("--meeting", help=_("only this meeting"))
    parser.add_argument("--from", dest="start", metavar="DATE", help=_("first day, e.g. 2025-01-01"))
    parser.add_argument("--to", dest="end", metavar="DATE", help=_("last day (included)"))


def chosen_range(args, database: Database, today: date) -> tuple[date | None, date | None,
                                                                  str | None]:
    """--from, --to (checked in that order) and --meeting's stored name, each optional."""
    start = date_option(args.start, "from", database, today=today)
    end = date_option(args.end, "to", database, today=today, allow_future=True)
    if start and end and end < start:
        raise ValidationError("to", _("{end} is before --from {start}").format(
            end=end.isoformat(), start=start.isoformat()))
    meeting = database.get_meeting(args.meeting).name if args.meeting else None
    return start, end, meeting


@dataclass(frozen=True)
class Selection:
    """The chosen records (oldest first when listed), and what a report says about them."""

    rows: Records
    start: date | None
    end: date | None
    meeting: str | None
    previous: Records | None  # the same dates a year before; only with --from
    currency: str
    stored: int  # records in the whole database
    minutes: tuple = ()  # business meetings' minutes (core/business) in the same choice
    ledger: tuple = ()  # the treasurer's entries of the period (none with --meeting)


def select_records(args, progress: Progress, today: date, *, listed: bool,
                   with_minutes: bool = False) -> Selection:
    """Read the database once (no lock) and pick the records the options ask for: oldest
    first when they are `listed` one by one (totals need no order); `with_minutes`, the
    business meetings' minutes too."""
    progress.step(_("reading the database"))
    with open_database(args, writer=False) as database:
        start, end, meeting = chosen_range(args, database, today)
        currency = database.settings().currency
        stored = database.records()
        last = max(today, start) if start and end is None else end  # as for the records
        minutes = tuple(database.minutes(meeting, start, last)) if with_minutes else ()
        ledger = () if meeting else tuple(
            entry for entry in database.ledger_entries()
            if (start is None or entry.date >= start) and (end is None or entry.date <= end))
    progress.step(counted("adding up {n} record", "adding up {n} records", len(stored)))
    if start and end is None:
        end = max(today, start)
    rows = select(stored, meeting, start, end)
    if listed:
        rows = oldest_first(rows)
    previous = select(stored, meeting, *year_before(start, end)) if start else None
    return Selection(rows, start, end, meeting, previous, currency, len(stored), minutes, ledger)
