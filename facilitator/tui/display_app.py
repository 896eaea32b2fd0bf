"""The room display app: a read-only view of the meeting in progress, for a second screen.

It reads the live journal beside the database and nothing else; it never writes a file and
never takes the database lock, so it can run beside the facilitator's app (or in a browser
through `facilitator serve`).
"""

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from facilitator.core.clock import Clock
from facilitator.core.i18n import N_, _
from facilitator.core.settings import GroupSettings
from facilitator.store.journal_follower import JournalFollower
from facilitator.tui.crash_guard import CrashGuard
from facilitator.tui.platform_terminal import HANG_UP_SIGNALS, stop_on_signals
from facilitator.tui.terminal_colours import TerminalColours
from facilitator.tui.themes import EXTRA_THEMES


class DisplayApp(TerminalColours, CrashGuard, App):
    """Show the share countdown, the section, the queue length and the meeting clock."""

    TITLE = "facilitator display"
    CSS_PATH = "display.tcss"
    # No palette: its commands (screenshots, themes) would let a browser write files.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("q", "quit", N_("Quit"), id="display.quit")]

    def __init__(self, journal_path: Path, clock: Clock,
                 read_settings: Callable[[], GroupSettings] = GroupSettings) -> None:
        super().__init__()
        self.journal_path = journal_path
        self.clock = clock
        self.read_settings = read_settings
        for theme in EXTRA_THEMES:
            self.register_theme(theme)  # the group's theme is applied once its settings are read

    def stopped_message(self, log: Path | None) -> str:
        # It writes no file, crash log included.
        return _("The room display stopped after an unexpected error; the meeting goes on in "
                 "the facilitator's app. Start `facilitator display` again.")

    def on_mount(self) -> None:
        # Leave the terminal as it was when stopped (serve stops it this way too).
        stop_on_signals(asyncio.get_running_loop(), self.exit, "SIGTERM", *HANG_UP_SIGNALS)

    def get_default_screen(self) -> Screen:
        from facilitator.tui.screens.display_screen import DisplayScreen

        return DisplayScreen(JournalFollower(self.journal_path), self.clock, self.read_settings)
