"""The last line of defence: an unexpected error never leaves a traceback on the screen.

Textual calls `App._handle_exception` for an error that reaches one of its message loops
(a handler, a timer, a worker, drawing) and then always stops the app: the loop that
raised is already gone. So an error is caught before it gets there wherever that is
possible: in every action (keys, buttons, the command palette, via `run_action`) and in
every handler of the app's own screens and widgets (`GuardedHandlers`). There the app
says so in one line and keeps going; every meeting action is journaled before it shows,
so the meeting is as the journal says. Anywhere else the app stops cleanly with one line
that says what to do next.

Either way the details go to the crash log beside the database: exception types and code
locations only (see crash_report), never a name or a typed value.

The same two places drop what reaches a screen already closed: keys typed quickly (Enter,
then Escape) leave messages queued for a dialog that is gone, and its `dismiss` would close
whatever screen is on top by then. And once the app is quitting, no action runs.
"""

import inspect
import sys
from collections.abc import Awaitable, Callable
from functools import wraps
from pathlib import Path

from textual import events
from textual.app import App, ScreenStackError
from textual.dom import DOMNode, NoScreen

from facilitator.core.i18n import N_, _
from facilitator.tui.crash_report import crash_report
from facilitator.tui.plain_text import printable

NOTICE = N_("That did not work (an unexpected error); nothing was lost and the app goes on.")


class CrashGuard:
    """Mixed into an App before `App`. The app sets `crash_log_db` (None: no log is written)
    and may override `stopped_message`."""

    crash_log_db: Path | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.recovered: list[str] = []  # the type of each error recovered from, in order
        self.stopped_line: str | None = None  # what is left on the terminal after a stop
        self._stopped_line_printed = False

    def stopped_message(self, log: Path | None) -> str:
        """The one line left on the terminal when the app had to stop."""
        # Translators: {app} is the app's name as its header shows it ("facilitator").
        return _("{app} stopped after an unexpected error.").format(app=self.title) + details(log)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every action (a key, a button, a palette command) goes through here."""
        if self._exit:
            return False  # keys typed after a quit key (they'd open screens as the app closes)
        if default_namespace is not None and on_closed_screen(default_namespace):
            return False
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            name = action if isinstance(action, str) else action[1]
            self.recover(error, f"action {name.split('(')[0]}")
            return True

    def guarded(self, callback: Callable[..., object]) -> Callable[..., Awaitable[None]]:
        """`callback` (plain or async) for call_later or a palette command: a failure is
        recovered from as an action's is."""

        @wraps(callback)
        async def run(*args, **kwargs) -> None:
            try:
                result = callback(*args, **kwargs)
                if inspect.isawaitable(result):
                    await result
            except Exception as error:
                self.recover(error, getattr(callback, "__qualname__", "a callback"))

        return run

    def recover(self, error: Exception, where: str) -> None:
        """Log the details, say so in one line, keep running."""
        self.recovered.append(type(error).__name__)
        self.write_crash_report(error, where, "recovered")
        try:
            self.notify(_(NOTICE), severity="error", timeout=8)
        except Exception as second:  # not even a notice can be shown: stop cleanly
            self._handle_exception(second)

    def _handle_exception(self, error: Exception) -> None:
        """Textual stops the app after this: one line instead of the traceback."""
        super()._handle_exception(error)  # Textual's bookkeeping (a test run re-raises it)
        log = self.write_crash_report(error, "", "stopped")
        self._exit_renderables.clear()  # the traceback
        self.stopped_line = printable(self.stopped_message(log))

    def _print_error_renderables(self) -> None:
        """After the terminal is restored: the line as it is (Rich would break the path),
        once however often Textual asks."""
        if self.stopped_line is not None and not self._stopped_line_printed:
            self._stopped_line_printed = True
            print(self.stopped_line, file=sys.stderr, flush=True)
        super()._print_error_renderables()

    def write_crash_report(self, error: BaseException, where: str, outcome: str) -> Path | None:
        """The details in the crash log; None when there is no log or it can't be written."""
        if self.crash_log_db is None:
            return None
        from facilitator.store.crash_log import append_crash_report

        try:
            return append_crash_report(self.crash_log_db,
                                       crash_report(error, where, outcome, self.clock.now()))
        except Exception:  # a full disk must not turn a clean stop into a traceback
            return None


def details(log: Path | None) -> str:
    # Translators: {log} is the path of the crash log file.
    return " " + _("Details (no names): {log}").format(log=log) if log else ""


def is_widget_message(message) -> bool:
    """A message a widget sends about itself (Input.Submitted, Button.Pressed...), as opposed
    to Textual's own bookkeeping (removing a screen waits on those) and events."""
    return type(message).__module__.startswith(("textual.widgets.", "facilitator."))


def on_closed_screen(node: DOMNode) -> bool:
    """True when `node` is (or is on) a screen no longer on the app's stack."""
    if isinstance(node, App):
        return False
    try:
        return node.screen not in node.app.screen_stack
    except (NoScreen, ScreenStackError):
        return True


class GuardedHandlers:
    """Mixed into a screen or widget before its Textual base: a handler of it that fails
    (a submitted field, a pressed button, a chosen row...) is recovered from."""

    async def _on_message(self, message) -> None:
        if is_widget_message(message) and on_closed_screen(self):
            return  # e.g. a field submitted just after its dialog was saved and closed
        try:
            await super()._on_message(message)
        except Exception as error:
            # A screen that failed to build is not one to keep using.
            if isinstance(message, (events.Compose, events.Mount)) or not isinstance(
                    self.app, CrashGuard):
                raise
            self.app.recover(error, f"{type(message).__qualname__} in {type(self).__name__}")
