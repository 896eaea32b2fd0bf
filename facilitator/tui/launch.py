"""Open the app on the database named by --db / FACILITATOR_DB (or the default)."""

import asyncio
import os
import threading
from contextlib import contextmanager

from facilitator.core.clock import Clock
from facilitator.store.database import Database
from facilitator.store.named_paths import resolve_db_path
from facilitator.store.paths import journal_path
from facilitator.tui.platform_terminal import on_hang_up

HANG_UP_GRACE_SECONDS = 3.0


def run_app(args, clock: Clock) -> int:
    """Take the database lock for as long as the app runs, then hand over to Textual."""
    path = resolve_db_path(args.db)
    database = Database.open(path, writer=True)
    try:
        from facilitator.tui.app import FacilitatorApp

        app = FacilitatorApp(database, clock, journal_path(path))
        with closing_on_hang_up(app) as hung_up:
            app.run()
        # A closed terminal is a normal way to stop: the meeting waits in its journal.
        return 0 if hung_up.is_set() else app.return_code or 0
    finally:
        database.close()


@contextmanager
def closing_on_hang_up(app):
    """A closed terminal (SIGHUP; SIGBREAK on Windows) ends the app, even if Textual's
    shutdown stalls.

    Writes to a hung-up terminal fail; Textual's writer thread then dies and its shutdown
    waits on it forever, holding the database lock. So the handler sends further output
    to /dev/null and, as a last resort, ends the process: every action is already on disk.
    """
    hung_up = threading.Event()

    def hang_up(signum, frame) -> None:
        hung_up.set()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        last_resort = threading.Timer(HANG_UP_GRACE_SECONDS, os._exit, (0,))
        last_resort.daemon = True  # a shutdown that works is not kept waiting
        last_resort.start()
        try:
            asyncio.get_running_loop().call_soon_threadsafe(app.exit)
        except RuntimeError:
            pass  # not inside the loop: the timer ends the process

    with on_hang_up(hang_up):
        yield hung_up
