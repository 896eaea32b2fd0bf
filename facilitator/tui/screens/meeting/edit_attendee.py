"""Correct or remove a signed-in person (a mistake happens in every meeting)."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from facilitator.core.names import clean_name
from facilitator.core.i18n import N_, _
from facilitator.core.meeting.actions import Correct, Remove
from facilitator.core.meeting.session import FLAGS, Attendee
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.widgets.attendee_table import flag_word


class EditAttendeeScreen(Dialog[Correct | Remove | None]):
    """Returns the action to journal: a correction, a removal, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="attendee.save", priority=True),
        Binding("ctrl+r", "remove", N_("Remove"), id="attendee.remove", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="attendee.cancel"),
    ]

    def __init__(self, person: Attendee) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            title = _("Signed-in person number {number}").format(number=self.person.id)
            yield Static(plain_text(title),
                         classes="dialog-title")
            yield Label(_("First name (optional)"))
            # No max_length: Textual refuses a longer paste whole; clean_name cuts it instead.
            yield Input(self.person.name, id="attendee-name")
            for flag in FLAGS:
                yield Checkbox(flag_word(flag), getattr(self.person, flag), id=f"flag-{flag}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save", action="screen.save")
                yield Button(_("Remove (ctrl+r)"), variant="error", id="remove",
                             action="screen.remove")
                yield Button(_("Cancel (esc)"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#attendee-name", Input).focus()


    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        flags = {flag: self.query_one(f"#flag-{flag}", Checkbox).value for flag in FLAGS}
        self.dismiss(Correct(self.person.id,
                             clean_name(self.query_one("#attendee-name", Input).value), **flags))

    def action_remove(self) -> None:
        self.dismiss(Remove(self.person.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
