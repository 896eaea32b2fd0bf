"""The facilitator app: the store and the clock come in through the constructor."""

import asyncio
import shlex
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import Screen

from facilitator.core.clock import Clock
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.tui.crash_guard import CrashGuard, details
from facilitator.tui.keys import LETTERS, is_function_key, letter_twin, own_bindings
from facilitator.tui.plain_text import printable
from facilitator.tui.platform_terminal import stop_on_signals
from facilitator.tui.terminal_colours import TerminalColours
from facilitator.tui.themes import EXTRA_THEMES

NOTICE_LIMIT = 300  # characters: an echoed paste of thousands stays a short notice


class FacilitatorApp(TerminalColours, CrashGuard, App):
    """Run a meeting; keep anonymous records."""

    TITLE = "facilitator"
    CSS_PATH = "facilitator.tcss"
    ENABLE_COMMAND_PALETTE = True
    # Dialogs on a small terminal (40x12): buttons stacked, one line each (facilitator.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-cramped"), (50, "-roomy")]
    VERTICAL_BREAKPOINTS = [(0, "-low"), (20, "-high")]
    # F1 everywhere; `?` only where no text box takes it as a letter.
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", priority=True, show=False),
        Binding("question_mark", "help", "Help", id="app.help_letter", show=False),
    ]

    def __init__(self, database: Database, clock: Clock, journal_path: Path) -> None:
        super().__init__()
        self.database = database
        self.clock = clock
        self.journal_path = journal_path
        self.crash_log_db = database.path
        for theme in EXTRA_THEMES:
            self.register_theme(theme)
        self.settings: GroupSettings = database.settings()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.demo:  # every screen's header says it is not the group's data
            self.title = "facilitator · DEMO (made-up sample data)"

    def get_default_screen(self) -> Screen:
        from facilitator.tui.screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Textual installs no handler for SIGTERM: close cleanly, the journal is intact.
        # SIGHUP (a closed terminal) is handled around app.run() in launch.py.
        stop_on_signals(asyncio.get_running_loop(), self.stop_and_let_go, "SIGTERM")

    def stop_and_let_go(self) -> None:
        """Stop, letting go of the database at once: a window opened next need not wait
        for Textual's shutdown (every action is already in the journal)."""
        threading.Thread(target=self.database.let_go, daemon=True).start()
        self.exit()

    def _remember_theme(self, theme) -> None:
        if theme.name != self.settings.theme:
            self.save_settings(self.settings.edit(theme=theme.name))

    def save_settings(self, settings: GroupSettings) -> None:
        self.database.save_settings(settings)
        self.settings = settings
        self.refresh_bindings()  # the footer follows the key mode

    def action_help(self) -> None:
        """The keys of the screen in front (help over help closes it)."""
        from facilitator.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def get_key_display(self, binding: Binding) -> str:
        """In the letters key mode an F-key is shown as its twin that needs no Fn."""
        if self.settings.keys == LETTERS and binding.action and is_function_key(binding.key):
            twin = letter_twin(binding, own_bindings(type(self.screen)))
            if twin:
                return super().get_key_display(binding.with_key(twin, key_display=None))
        return super().get_key_display(binding)

    def keys_text(self, keys: str) -> str:
        """`f3,ctrl+w` -> `F3 or ^w`, as the footer writes each."""
        return " or ".join(super(FacilitatorApp, self).get_key_display(Binding(key.strip(), ""))
                           for key in keys.split(","))

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notice is plain text, whoever sends it (a screen's `notify` asks for markup):
        notices often quote what a person typed."""
        super().notify(printable(message, NOTICE_LIMIT), title=printable(title, 80),
                       severity=severity, timeout=timeout, markup=False)

    def on_notify(self, event: Notify) -> None:
        """A notice of what just happened replaces the one before it (runs before Textual adds
        the new one): a run of sign-ins shows the latest, never a pile over the queue and the
        share clock. Warnings and errors stay until they time out."""
        if event.notification.severity != "information":
            return
        for older in [shown for shown in self._notifications if shown.severity == "information"]:
            self._unnotify(older, refresh=False)

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit (Textual's own notice is markup)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    def stopped_message(self, log: Path | None) -> str:
        """The line left on the terminal after a stop: the meeting is safe, how to resume."""
        if self.journal_path.exists():
            again = f"facilitator --db {shlex.quote(str(self.database.path))}"
            return ("facilitator stopped after an unexpected error. The meeting is safe in its "
                    f"journal: start `{again}` and press r to resume it." + details(log))
        return "facilitator stopped after an unexpected error; nothing was lost." + details(log)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette."""
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                if screen.check_action(binding.action.split("(")[0], ()) is False:
                    continue
                keys = f"key: {self.keys_text(binding.key)}"
                help_text = f"{binding.tooltip} ({keys})" if binding.tooltip else keys
                yield SystemCommand(binding.description, help_text,
                                    partial(screen.run_action, binding.action))
        for command in getattr(screen, "extra_commands", lambda: [])():
            yield command._replace(callback=self.guarded(command.callback))
        for command in super().get_system_commands(screen):
            # A screenshot would write the first names on the screen to a file.
            if command.title != "Screenshot":
                yield command
