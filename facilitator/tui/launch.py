"""Open the app on the database named by --db / FACILITATOR_DB (or the default)."""

import asyncio
import os
import sys
import threading
from contextlib import contextmanager

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.store.database import Database
from facilitator.store.language import speak_chosen
from facilitator.store.named_paths import resolve_db_path
from facilitator.store.paths import journal_path
from facilitator.tui.platform_terminal import on_hang_up

HANG_UP_GRACE_SECONDS = 3.0


def run_app(args, clock: Clock) -> int:
    """Hand the database over to Textual for as long as the app runs. The app takes its
    lock once the first screen is drawn (FacilitatorApp.hold_database); when it cannot, the
    reason is reported here, as a command reports it (exit 3 while another window has it)."""
    path = resolve_db_path(args.db)
    database = Database.open(path, lock_later=True)
    try:
        refuse_without_terminal()  # after the path, which says more
        # --lang for this run, else the group's language, else the computer's.
        speak_chosen(getattr(args, "lang", None), database.settings().language)
        from facilitator.tui.app import FacilitatorApp

        app = FacilitatorApp(database, clock, journal_path(path))
        with closing_on_hang_up(app) as hung_up:
            app.run()
        # A closed terminal is a normal way to stop: the meeting waits in its journal.
        if hung_up.is_set():
            return 0
        if app.refused is not None:
            raise app.refused
        return app.return_code or 0
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
