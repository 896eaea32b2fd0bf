"""What commands share: opening the database named by --db / FACILITATOR_DB."""

from datetime import date

from facilitator.core.dates import parse_date
from facilitator.store.database import Database
from facilitator.store.paths import resolve_db_path


def open_database(args, *, writer: bool) -> Database:
    """Writers take the lock (exit 3 if taken); readers never do."""
    return Database.open(resolve_db_path(args.db), writer=writer)


def date_option(text: str | None, field: str, database: Database | None = None,
                *, today: date | None = None, allow_future: bool = False) -> date | None:
    """A date given on the command line, parsed strictly with the group's date order."""
    if text is None:
        return None
    order = database.settings().date_order if database else None
    return parse_date(text, today=today or date.today(), order=order, field=field,
                      allow_future=allow_future)
