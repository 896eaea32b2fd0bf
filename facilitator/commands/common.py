"""What commands share: opening the database named by --db / FACILITATOR_DB."""

from datetime import date
from pathlib import Path

from facilitator.core.dates import parse_date
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.language import speak_chosen
from facilitator.store.named_paths import read_input, resolve_db_path


def open_database(args, *, writer: bool) -> Database:
    """Writers take the lock (exit 3 if taken); readers never do. From then on the command
    speaks the group's language, unless --lang chose one."""
    database = Database.open(resolve_db_path(args.db), writer=writer)
    try:
        settings = database.settings()
    except FacilitatorError:
        return database  # damaged settings: the command that reads them says so
    speak_group_language(args, settings)
    return database


def speak_group_language(args, settings: GroupSettings) -> None:
    """--lang if given, else the group's language (a code, or "" to follow the computer)."""
    speak_chosen(getattr(args, "lang", None), settings.language)


def date_option(text: str | None, field: str, database: Database | None = None,
                *, today: date, allow_future: bool = False) -> date | None:
    """A date given on the command line, parsed strictly with the group's date order."""
    if text is None:
        return None
    order = database.settings().date_order if database else None
    return parse_date(text, today=today, order=order, field=field,
                      allow_future=allow_future)


def read_named_file(path: Path, what: str, limit: int) -> bytes:
    """A file a person named, read whole; one-line errors naming it when missing, not a
    regular file, too large (more than `limit` bytes) or empty."""
    data = read_input(path, what, limit=limit)
    if not data.strip():
        raise FacilitatorError(_("{what}: {path} is empty").format(what=what, path=path))
    return data
