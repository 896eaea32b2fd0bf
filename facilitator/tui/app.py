"""The facilitator app: the store and the clock come in through the constructor."""

import asyncio
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import Notify
from textual.screen import Screen

from facilitator.core.clock import Clock
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, translated
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.language import apply_language, choose_language
from facilitator.tui.crash_guard import CrashGuard, details
from facilitator.tui.keys import LETTERS, is_function_key, letter_twin, own_bindings
from facilitator.tui.plain_text import printable
from facilitator.tui.platform_terminal import stop_on_signals
from facilitator.tui.terminal_colours import TerminalColours
from facilitator.tui.themes import EXTRA_THEMES

NOTICE_LIMIT = 300  # characters: an echoed paste of thousands stays a short notice
# Textual's own words a person reads in the palette, translated where they are shown.
TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    # Translators: the footer's name for the key that opens the command palette.
    N_("palette"), N_("Open the command palette"),
)


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
        Binding("f1", "help", N_("Help"), id="app.help", priority=True, show=False),
        Binding("question_mark", "help", N_("Help"), id="app.help_letter", show=False),
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
        self.title = self.header_title()
        self.refused: FacilitatorError | None = None  # why it stopped without the database
        self._when_held: list[Callable[[bool], None]] = []
        self._read_again = False  # the file had changed when the lock was taken
        self._waiting_for_lock = False

    def header_title(self) -> str:
        """The header's title: every screen's header says when the data is not the group's."""
        if self.settings.demo:
            return _("facilitator · DEMO (made-up sample data)")
        return self.TITLE

    def get_default_screen(self) -> Screen:
        from facilitator.tui.screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Textual installs no handler for SIGTERM: close cleanly, the journal is intact.
        # SIGHUP (a closed terminal) is handled around app.run() in launch.py.
        stop_on_signals(asyncio.get_running_loop(), self.stop_and_let_go, "SIGTERM")

    # -- the database's lock: taken once the first screen is drawn --------------------------

    def on_ready(self) -> None:
        """The first screen is on the terminal: now become the database's writer (drawn
        first, the window opens sooner; nothing is written before)."""
        self.hold_database()

    async def on_event(self, event: events.Event) -> None:
        if (isinstance(event, events.InputEvent) and not event.is_forwarded
                and not self.database.holds_lock):
            self.hold_database()  # a key or a click before Ready: the lock comes first
        await super().on_event(event)

    def when_database_held(self, callback: Callable[[bool], None]) -> None:
        """`callback(read_again)` once this app holds the database's lock (at once if it
        does): `read_again` when the file had changed since it was first read."""
        self._when_held.append(callback)
        if self.database.holds_lock and not self._waiting_for_lock:
            self.hold_database()

    def hold_database(self) -> None:
        """Take the database's lock if not yet held; while another window has it (one closing
        as this one opens), wait for it in WaitingForLockScreen."""
        if self._waiting_for_lock:
            return
        try:
            if not self.database.holds_lock and self.database.take_lock():
                self.read_again()
        except DatabaseLocked:
            from facilitator.tui.screens.waiting_for_lock import WaitingForLockScreen

            self._waiting_for_lock = True
            self.push_screen(WaitingForLockScreen(), self.lock_wait_over)
            return
        except FacilitatorError as error:
            self.refuse(error)
            return
        callbacks, self._when_held = self._when_held, []
        for callback in callbacks:
            callback(self._read_again)

    def lock_wait_over(self, outcome: bool | FacilitatorError) -> None:
        self._waiting_for_lock = False
        if isinstance(outcome, FacilitatorError):
            self.refuse(outcome)
            return
        try:
            if outcome:
                self.read_again()
        except FacilitatorError as error:
            self.refuse(error)
            return
        self.hold_database()

    def read_again(self) -> None:
        """The file changed before the lock was taken: the group's settings as they are now."""
        self._read_again = True
        self.settings = self.database.settings()
        self.title = self.header_title()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def refuse(self, error: FacilitatorError) -> None:
        """Stop without the database; `run_app` reports `error` as a command would (one
        line, its exit status: 3 while another window keeps it)."""
        self.refused = error
        self.exit(return_code=error.exit_status)

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
        changed_language = settings.language != self.settings.language
        self.settings = settings
        self.refresh_bindings()  # the footer follows the key mode
        if changed_language:
            self.speak(choose_language(None, settings.language))

    def speak(self, code: str) -> None:
        """Speak `code` from now on, on every screen at once: each screen in the stack is
        rebuilt in the new words (what it holds, a meeting in progress, stays)."""
        apply_language(code)
        self.title = self.header_title()
        for screen in self.screen_stack:
            if not isinstance(screen, CommandPalette):
                # On the screen's own queue: its compose binds data to the screen.
                screen.call_later(rebuild_in_language, screen)

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
        names = [super(FacilitatorApp, self).get_key_display(Binding(key.strip(), ""))
                 for key in keys.split(",")]
        text = names[0]
        for name in names[1:]:
            # Translators: one more key that does the same ("F3 or ^w").
            text = _("{keys} or {key}").format(keys=text, key=name)
        return text

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
                self.notify(_("Press {key} to quit the app.").format(key=key),
                            title=_("Do you want to quit?"))
                return

    def stopped_message(self, log: Path | None) -> str:
        """The line left on the terminal after a stop: the meeting is safe, how to resume."""
        if self.journal_path.exists():
            import shlex  # only after a crash: not loaded at start

            again = f"facilitator --db {shlex.quote(str(self.database.path))}"
            # Translators: {command} is the command line to type, kept as it is.
            return _("facilitator stopped after an unexpected error. The meeting is safe in its "
                     "journal: start `{command}` and press r to resume it."
                     ).format(command=again) + details(log)
        return _("facilitator stopped after an unexpected error; nothing was lost.") + details(log)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette."""
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                if screen.check_action(binding.action.split("(")[0], ()) is False:
                    continue
                # Translators: the palette's help line; {keys} names keys ("F2 or n").
                keys = _("key: {keys}").format(keys=self.keys_text(binding.key))
                help_text = (f"{translated(binding.tooltip)} ({keys})" if binding.tooltip
                             else keys)
                yield SystemCommand(translated(binding.description), help_text,
                                    partial(screen.run_action, binding.action))
        for command in getattr(screen, "extra_commands", lambda: [])():
            yield command._replace(callback=self.guarded(command.callback))
        for command in super().get_system_commands(screen):
            # A screenshot would write the first names on the screen to a file.
            if command.title != "Screenshot":
                yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the language in use."""
        if self._waiting_for_lock:
            return  # its commands (a theme) would write, and the lock is not held yet
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        """Textual's list of themes, its placeholder in the language in use."""
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider],
                                        placeholder=_("Search for themes…")))


async def rebuild_in_language(screen: Screen) -> None:
    """`screen` composed again in the language now in use; a screen that fills its widgets
    when mounted fills them again in `language_changed`."""
    if not screen.is_attached:
        return  # closed meanwhile (the settings dialog that changed the language)
    focused = screen.focused.id if screen.focused is not None else None
    await screen.recompose()
    if focused is not None and screen.query(f"#{focused}"):
        screen.set_focus(screen.query_one(f"#{focused}"))  # the same box, typing goes on
    language_changed = getattr(screen, "language_changed", None)
    if language_changed is not None:
        language_changed()
