"""A yes/no question in a modal dialog."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text


class ConfirmScreen(GuardedHandlers, ModalScreen[bool]):
    """Ask before doing something that can't be taken back."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain_text(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain_text(f"{self.yes} (y)"), variant="error", id="yes",
                             action="screen.answer(True)")
                yield Button(plain_text(f"{self.no} (n)"), id="no", action="screen.answer(False)")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
