"""Discarding a meeting: the one confirmation, from the summary's button or the palette."""

from collections.abc import Callable

from textual.screen import Screen

from facilitator.core.i18n import _
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.screens.confirm import ConfirmScreen


def ask_to_discard(screen: Screen, live: LiveMeeting, discarded: Callable[[], None]) -> None:
    """Ask first; on yes forget the meeting (its journal is deleted, nothing is saved), say so,
    then call `discarded`."""

    def answered(yes: bool | None) -> None:
        if yes:
            live.discard()
            screen.notify(_("The meeting was discarded; nothing was saved."))
            discarded()

    screen.app.push_screen(
        ConfirmScreen(_("Discard this meeting? Nothing will be saved."), _("Discard"), _("Keep")),
        answered)
