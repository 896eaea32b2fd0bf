"""Open the app on the database named by --db / FACILITATOR_DB (or the default)."""

from facilitator.core.clock import SystemClock
from facilitator.store.database import Database
from facilitator.store.paths import journal_path, resolve_db_path


def run_app(args) -> int:
    """Take the database lock for as long as the app runs, then hand over to Textual."""
    path = resolve_db_path(args.db)
    database = Database.open(path, writer=True)
    try:
        from facilitator.tui.app import FacilitatorApp

        app = FacilitatorApp(database, SystemClock(), journal_path(path))
        app.run()
        return app.return_code or 0
    finally:
        database.close()
