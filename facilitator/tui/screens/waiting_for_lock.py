"""Another window still has the database: wait a few seconds for it to close."""

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _
from facilitator.store.errors import DatabaseLocked
from facilitator.tui.screens.dialog import Dialog

# A window closed just now lets go well within this (its meeting is already in its journal).
CLOSING_WINDOW_WAIT_SECONDS = 5.0
TRY_EVERY_SECONDS = 0.1


class WaitingForLockScreen(Dialog[bool | FacilitatorError]):
    """Tries the lock again until it is free (dismissed with whether the file was read
    again) or the wait is over (dismissed with DatabaseLocked: the app stops, exit 3).

    Nothing can be changed meanwhile: the screen below waits behind this one."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Waiting for the other window to close…"), classes="dialog-title")
            yield Static(_("This group's database is open in another facilitator window. "
                           "This one opens as soon as that one closes."),
                         classes="dialog-text")

    def on_mount(self) -> None:
        self.give_up_at = self.app.clock.monotonic() + CLOSING_WINDOW_WAIT_SECONDS
        self.outcome: bool | FacilitatorError | None = None
        self.trying = self.set_interval(TRY_EVERY_SECONDS, self.try_again)

    def try_again(self) -> None:
        if self.outcome is None:
            try:
                self.outcome = self.app.database.take_lock()
            except DatabaseLocked as locked:
                if self.app.clock.monotonic() >= self.give_up_at:
                    self.outcome = locked
            except FacilitatorError as error:  # e.g. the file it wrote as it closed is damaged
                self.outcome = error
        # Dismissing takes the screen on top away: the help may be open over this one.
        if self.outcome is not None and self.app.screen is self:
            self.trying.stop()
            self.dismiss(self.outcome)
