"""The treasury's plan: the prudent reserve in months and the contribution split."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from facilitator.core import validate
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.settings import RESERVE_MONTHS_LIMIT, GroupSettings
from facilitator.core.treasury.split import parse_plan
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog


def plan_text(settings: GroupSettings) -> str:
    """'District 40, Area 30, GSO 30': the plan as it is typed."""
    return ", ".join(f"{name} {percent}" for name, percent in settings.split_plan)


class PlanFormScreen(Dialog[GroupSettings | None]):
    """Returns the group settings with the new plan, or None; nothing is kept when refused."""

    CSS_PATH = "treasury.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="plan.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="plan.cancel"),
    ]

    def compose(self) -> ComposeResult:
        settings: GroupSettings = self.app.settings
        with Vertical(classes="dialog form", id="plan-form"):
            yield Static(_("The treasury's plan"), classes="dialog-title")
            yield Label(plain_text(_("Prudent reserve: months of expenses kept back (0 to "
                                     "{limit})").format(limit=RESERVE_MONTHS_LIMIT)))
            yield Input(str(settings.reserve_months), id="plan-reserve")
            yield Label(_("Split: service bodies and whole percents totalling 100"))
            # Translators: an example plan; the names are service bodies, keep "name percent".
            yield Input(plan_text(settings), placeholder=_("District 40, Area 30, GSO 30"),
                        id="plan-split")
            yield Static("", id="plan-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", action="screen.save")
                yield Button(_("Cancel (esc)"), action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#plan-split", Input).focus()

    def typed(self) -> GroupSettings:
        reserve = validate.count(N_("reserve months"), self.query_one("#plan-reserve", Input).value,
                                 maximum=RESERVE_MONTHS_LIMIT)
        typed = self.query_one("#plan-split", Input).value
        parts = [part for part in typed.split(",") if part.strip()]
        plan = parse_plan(parts) if parts else ()
        return self.app.settings.edit(reserve_months=reserve, split_plan=plan)

    def action_save(self) -> None:
        try:
            settings = self.typed()
        except FacilitatorError as error:
            self.query_one("#plan-error", Static).update(plain_text(error))
            return
        self.dismiss(settings)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
