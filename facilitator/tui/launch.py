"""Open the app on the database named by --db / FACILITATOR_DB (or the default)."""

import asyncio
import os
import sys
import threading
import time
from contextlib import contextmanager

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.language import speak_chosen
from facilitator.store.named_paths import resolve_db_path
from facilitator.store.paths import journal_path
from facilitator.tui.platform_terminal import on_hang_up

HANG_UP_GRACE_SECONDS = 3.0
CLOSING_WINDOW_WAIT_SECONDS = 5.0  # a window closed just now lets go well within this


def run_app(args, clock: Clock) -> int:
    """Take the database lock for as long as the app runs, then hand over to Textual."""
    path = resolve_db_path(args.db)
    database = open_when_free(path)
    try:
        refuse_without_terminal()  # after the path and the lock, which say more
        # --lang for this run, else the group's language, else the computer's.
        speak_chosen(getattr(args, "lang", None), database.settings().language)
        from facilitator.tui.app import FacilitatorApp

        app = FacilitatorApp(database, clock, journal_path(path))
        with closing_on_hang_up(app) as hung_up:
            app.run()
        # A closed terminal is a normal way to stop: the meeting waits in its journal.
        return 0 if hung_up.is_set() else app.return_code or 0
    finally:
        database.close()


def refuse_without_terminal() -> None:
    """FacilitatorError when there is no terminal to draw in (`facilitator > file`, a
    script, a pipe): Textual would draw into the pipe or the file and, its input at an end,
    keep a core busy until killed, where nobody could see the app or quit it. A driver
    chosen for Textual (textual-serve's web driver) talks through pipes by design."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FacilitatorError(_("the app needs a terminal to draw in; start it in one "
                                 "(commands such as `facilitator history` run anywhere)"))


def open_when_free(path, wait_seconds: float = CLOSING_WINDOW_WAIT_SECONDS) -> Database:
    """Open the database as the writer, waiting up to `wait_seconds` for a window that
    is closing (closed and reopened at once) to let go; then DatabaseLocked (exit 3)."""
    try:
        return Database.open(path, writer=True)
    except DatabaseLocked:
        print(_("waiting for the other window to close…"), file=sys.stderr, flush=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        time.sleep(0.05)
        try:
            return Database.open(path, writer=True)
        except DatabaseLocked:
            if time.monotonic() >= deadline:
                raise


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
        threading.Thread(target=app.database.let_go, daemon=True).start()
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
