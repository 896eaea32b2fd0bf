"""`facilitator display`: the room display, a read-only view of the meeting in progress."""

from functools import partial
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.core.settings import GroupSettings
from facilitator.store.named_paths import resolve_db_path
from facilitator.store.paths import journal_path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "display", help=_("the room display: a big share timer for a second screen (read-only)"),
        description=_("Follows the meeting in progress from its live journal: the share "
                      "countdown, the section of the format, how many are waiting and the "
                      "meeting clock. It writes nothing and never locks the database, so it "
                      "runs beside the app. q quits."),
    )
    parser.set_defaults(run=run)


def read_settings(path: Path) -> GroupSettings:
    """The group's settings, read without the lock; the defaults without a readable database."""
    if not path.exists():
        return GroupSettings()
    from facilitator.store.database import Database

    try:
        database = Database.open(path, writer=False)
    except FacilitatorError:
        return GroupSettings()
    try:
        return database.settings()
    except (FacilitatorError, TypeError, ValueError):
        return GroupSettings()
    finally:
        database.close()


def settings_and_language(path: Path, args) -> GroupSettings:
    """The group's settings, and from then on its language (unless --lang chose one): the
    display redraws every tick, so its words follow as soon as the settings are read."""
    from facilitator.commands.common import speak_group_language

    settings = read_settings(path)
    speak_group_language(args, settings)
    return settings


def run(args, clock: Clock) -> int:
    from facilitator.tui.display_app import DisplayApp
    from facilitator.tui.launch import refuse_without_terminal

    path = resolve_db_path(args.db)
    refuse_without_terminal()
    app = DisplayApp(journal_path(path), clock, partial(settings_and_language, path, args))
    app.run()
    return app.return_code or 0
