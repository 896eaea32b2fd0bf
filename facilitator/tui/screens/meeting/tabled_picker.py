"""Old business: the motions earlier meetings tabled, one picked to come back to the floor."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.business.motion import Motion
from facilitator.core.business.words import threshold_label
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.actions import MotionFromTable
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog


class TabledPicker(Dialog[MotionFromTable | None]):
    """The tabled motions, oldest first as old business lists them; enter takes the
    highlighted one from the table, escape leaves them all there."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="tabled_picker.cancel")]

    def __init__(self, tabled: tuple[Motion, ...]) -> None:
        super().__init__()
        self.tabled = tabled

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tabled-picker"):
            yield Static(_("Take a motion from the table"), classes="dialog-title")
            yield OptionList(*(Option(plain_text(tabled_line(number, motion)), id=str(number))
                               for number, motion in enumerate(self.tabled, 1)),
                             id="tabled-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Cancel (esc)"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        options = self.query_one("#tabled-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#tabled-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(MotionFromTable(int(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)


def tabled_line(number: int, motion: Motion) -> str:
    """'1. that the group buys 50 chips (needs majority)'."""
    return _("{number}. {motion} (needs {threshold})").format(
        number=number, motion=motion.text, threshold=threshold_label(motion.threshold))
