"""Add or correct one ledger entry: kind, date, amount, category or recipient, memo; a new
expense for chips can say what was delivered, added to the chip stock in the same write."""

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from facilitator.core.dates import parse_date
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.money import format_cents, parse_amount
from facilitator.core.treasury.chip_delivery import FIELD, parse_delivery
from facilitator.core.treasury.entry import (CHIPS_CATEGORY, EXPENSE_CATEGORIES, KINDS, Entry,
                                             category_label, shown_label)
from facilitator.store.ladders import group_ladder
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog

_KIND_LABELS = {"expense": N_("Expense"), "contribution": N_("Contribution"),
                "income": N_("Other income"), "opening": N_("Opening balance")}
_DETAIL_LABELS = {"expense": N_("Category"),
                  "contribution": N_("Sent to (the service body)"),
                  "income": N_("Category (optional)"), "opening": N_("(nothing more)")}


@dataclass(frozen=True)
class TypedEntry:
    """What the form gives back: the checked entry and any chips delivered with it."""

    entry: Entry
    delivery: dict[str, int] = field(default_factory=dict)


class EntryFormScreen(Dialog[TypedEntry | None]):
    """Returns the checked entry, or None; a refused value names the field, nothing is kept."""

    CSS_PATH = "treasury.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="entry.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="entry.cancel"),
    ]

    def __init__(self, entry: Entry | None = None, *, kind: str = "expense") -> None:
        super().__init__()
        self.entry = entry
        self.kind = entry.kind if entry else kind

    def compose(self) -> ComposeResult:
        entry = self.entry
        today = self.app.clock.now().date()
        with Vertical(classes="dialog form", id="entry-form"):
            yield Static(_("Correct the entry") if entry else _("New ledger entry"),
                         classes="dialog-title")
            yield Select([(_(_KIND_LABELS[kind]), kind) for kind in KINDS], value=self.kind,
                         allow_blank=False, id="entry-kind")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(_("Date"))
                    yield Input((entry.date if entry else today).isoformat(), id="entry-date")
                with Vertical():
                    yield Label(plain_text(_("Amount ({currency})").format(
                        currency=self.app.settings.currency)))
                    yield Input(format_cents(entry.amount) if entry else "",
                                placeholder="12.50", id="entry-amount")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(_(_DETAIL_LABELS[self.kind]), id="entry-detail-label")
                    yield Input(shown_label(entry) if entry else "", id="entry-detail",
                                placeholder=", ".join(map(category_label,
                                                          EXPENSE_CATEGORIES[:3])) + ", …")
                if entry is None:  # a correction leaves the chip stock alone
                    with Vertical(id="entry-stock-cell"):
                        yield Label(_("Chips received (added to stock)"))
                        yield Input(id="entry-stock", placeholder=_("e.g. 30d=20, 1y=5"))
            yield Label(_("Memo — no names: the ledger is kept for years"))
            yield Input(entry.memo if entry else "", placeholder=_("e.g. March rent"),
                        id="entry-memo")
            yield Static("", id="entry-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", action="screen.save")
                yield Button(_("Cancel (esc)"), action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#entry-amount", Input).focus()
        self.show_kind(self.kind)

    @on(Select.Changed, "#entry-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        self.show_kind(str(event.value))

    def show_kind(self, kind: str) -> None:
        self.kind = kind
        self.query_one("#entry-detail-label", Label).update(_(_DETAIL_LABELS[kind]))
        self.query_one("#entry-detail", Input).disabled = kind == "opening"
        for stock_cell in self.query("#entry-stock-cell"):
            stock_cell.display = kind == "expense"

    def typed(self) -> TypedEntry:
        """The entry as typed, checked as `facilitator treasury add` checks it."""
        value = lambda name: self.query_one(f"#entry-{name}", Input).value  # noqa: E731
        day = parse_date(value("date"), today=self.app.clock.now().date(),
                         order=self.app.settings.date_order, field=N_("date"))
        detail = "" if self.kind == "opening" else value("detail")
        entry = Entry(self.kind, day, parse_amount(value("amount"), N_("amount")),
                      category=detail if self.kind in ("expense", "income") else "",
                      to=detail if self.kind == "contribution" else "", memo=value("memo"))
        delivered = value("stock").split(",") if self.query("#entry-stock") else []
        if self.kind != "expense" or not any(item.strip() for item in delivered):
            return TypedEntry(entry)
        if entry.category != CHIPS_CATEGORY:
            raise ValidationError(FIELD, _('goes with the category "{category}"').format(
                category=category_label(CHIPS_CATEGORY)))
        ladder = group_ladder(self.app.settings, self.app.database.path)
        return TypedEntry(entry, parse_delivery(delivered, ladder))

    def action_save(self) -> None:
        try:
            entry = self.typed()
        except FacilitatorError as error:
            error_line = self.query_one("#entry-error", Static)
            error_line.update(plain_text(error))
            error_line.display = True
            return
        self.dismiss(entry)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
