"""A yes/no question in a modal dialog."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from facilitator.core.i18n import N_, _
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Ask before doing something that can't be taken back."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        """`question` and the answers in the language in use (Yes and No when not given); the
        keys stay y and n in every language."""
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain_text(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain_text(f"{self.yes or _('Yes')} (y)"), variant="error", id="yes",
                             action="screen.answer(True)")
                yield Button(plain_text(f"{self.no or _('No')} (n)"), id="no",
                             action="screen.answer(False)")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
