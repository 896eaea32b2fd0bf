"""The treasurer's screen: balance, reserve, what can be sent and the split, over the ledger.

Every change is one write to the database before the table shows it; `u` takes back the
last one (an entry added, corrected or deleted), also as one write.
"""

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.calendar_words import month_year
from facilitator.core.i18n import N_, _
from facilitator.core.money import format_cents
from facilitator.core.treasury.chip_delivery import stock_after_delivery
from facilitator.core.treasury.entry import Entry, kind_label, shown_label
from facilitator.core.treasury.position import Position
from facilitator.core.treasury.report_markdown import last_full_month
from facilitator.store.ladders import group_ladder
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text, printable
from facilitator.tui.screens.treasury.entry_form import EntryFormScreen, TypedEntry
from facilitator.tui.screens.treasury.figures import TreasuryFigures
from facilitator.tui.widgets.steady_footer import TranslatedFooter

# The amount shows at 40 columns.
COLUMNS = (N_("Date"), N_("Amount"), N_("Kind"), N_("Category / to"), N_("Memo"))


@dataclass(frozen=True)
class Undo:
    """How to take back the last change, and what to say when it is."""

    said: str
    run: Callable[[], None]


class TreasuryScreen(GuardedHandlers, Screen):
    """The 7th tradition ledger; only this screen talks to the store about it."""

    CSS_PATH = "treasury.tcss"

    BINDINGS = [
        Binding("escape", "close", N_("Back"), id="treasury.close"),
        Binding("a", "add", N_("Add"), id="treasury.add",
                tooltip=N_("A new ledger entry (key: a)")),
        Binding("e", "edit", N_("Edit"), id="treasury.edit",
                tooltip=N_("Correct the highlighted entry (key: e or enter)")),
        Binding("d,delete", "delete", N_("Delete…"), id="treasury.delete"),
        Binding("u,ctrl+z", "undo", N_("Undo"), id="treasury.undo",
                tooltip=N_("Take back the last change (key: u)")),
        Binding("w", "write_report", N_("Report"), id="treasury.report",
                tooltip=N_("Write last month's treasurer's report as Markdown (key: w)")),
        Binding("p", "plan", N_("Plan"), id="treasury.plan",
                tooltip=N_("The prudent reserve and the contribution split (key: p)")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[int, Entry]] = []
        self.figures: Position | None = None
        self.undo: Undo | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield TreasuryFigures(id="treasury-figures")
        yield Static("", id="treasury-error", classes="error-line")
        yield DataTable(id="treasury-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="treasury-actions"):
            # Translators: the three buttons share one line of a 40-column screen: keep short.
            yield Button(_("Add (a)"), action="screen.add", compact=True)
            yield Button(_("Write report (w)"), action="screen.write_report", compact=True,
                         variant="primary")
            yield Button(_("Plan (p)"), action="screen.plan", compact=True)
        yield TranslatedFooter(compact=True)  # compact: its seven keys fit 80 columns in Spanish too

    def on_mount(self) -> None:
        self.sub_title = _("Treasury: the 7th tradition ledger")
        table = self.query_one(DataTable)
        table.add_columns(*map(_, COLUMNS))
        table.focus()
        self.reload()

    def reload(self, *, select: int | None = None) -> None:
        """Read the ledger and the collections again; show the figures and the entries."""
        database = self.app.database
        try:
            self.entries = database.ledger()
            self.figures = database.treasury(self.app.clock.now().date())
        except FacilitatorError as problem:  # a damaged entry or record: say so, show nothing
            self.show_error(problem)
            return
        self.show_error(None)
        self.query_one(TreasuryFigures).show(self.figures)
        table = self.query_one(DataTable)
        table.clear()
        for number, entry in reversed(self.entries):  # newest first
            table.add_row(entry.date.isoformat(),
                          Text(format_cents(entry.signed), justify="right", no_wrap=True),
                          kind_label(entry.kind), cell(shown_label(entry)), cell(entry.memo),
                          key=str(number))
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)))

    def show_error(self, error: Exception | None) -> None:
        line = self.query_one("#treasury-error", Static)
        line.update(plain_text(error) if error else "")
        line.set_class(error is not None, "shown")

    def highlighted(self) -> tuple[int, Entry] | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.notify(_("No entry yet: press a to add one."), severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        number = int(key)
        return number, dict(self.entries)[number]

    # -- changes, each one write, each one undoable -------------------------------------------

    def change(self, done: str, make: Callable[[], Undo | None],
               select: int | None = None) -> None:
        """Run one change (`make` writes it and says how to take it back), then show it."""
        try:
            self.undo = make()
        except FacilitatorError as error:
            self.show_error(error)
            return
        self.notify(done)
        self.reload(select=select)

    def action_add(self) -> None:
        self.app.push_screen(EntryFormScreen(), self.add_entry)

    def add_entry(self, typed: TypedEntry | None) -> None:
        if typed is None:
            return
        database, entry = self.app.database, typed.entry
        replaced = [(n, old) for n, old in self.entries if old.kind == entry.kind == "opening"]

        def add() -> Undo:
            stock_before = stock_after = None
            if typed.delivery:
                ladder = group_ladder(self.app.settings, database.path)
                stock_before = database.stock()
                stock_after, lines = stock_after_delivery(stock_before, typed.delivery, ladder)
                self.notify(_("Chip stock: {levels}").format(levels="; ".join(lines)))
            number, = database.add_ledger_entries([entry], stock=stock_after)
            if replaced:  # the opening balance before this one comes back on undo
                return Undo(_("The previous opening balance is back."),
                            lambda: database.replace_ledger_entry(number, replaced[0][1]))
            return Undo(_("The entry added was taken back."),
                        lambda: database.remove_ledger_entry(number, stock=stock_before))

        self.change(_("Added: {entry}.").format(entry=describe(entry)), add)

    def action_edit(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        number, old = chosen
        self.app.push_screen(EntryFormScreen(old),
                             lambda typed: self.edit_entry(number, old, typed and typed.entry))

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_edit()

    def edit_entry(self, number: int, old: Entry, entry: Entry | None) -> None:
        if entry is None or entry == old:
            return
        database = self.app.database

        def correct() -> Undo:
            database.replace_ledger_entry(number, entry)
            return Undo(_("The correction was taken back."),
                        lambda: database.replace_ledger_entry(number, old))

        self.change(_("Corrected: {entry}.").format(entry=describe(entry)), correct,
                    select=number)

    def action_delete(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        from facilitator.tui.screens.confirm import ConfirmScreen

        number, entry = chosen
        question = _("Delete this entry?\n\n{entry}\n\n(u takes it back)").format(
            entry=describe(entry))
        self.app.push_screen(ConfirmScreen(question, _("Delete"), _("Keep it")),
                             lambda yes: self.delete_entry(number, entry) if yes else None)

    def delete_entry(self, number: int, entry: Entry) -> None:
        database = self.app.database

        def delete() -> Undo:
            database.remove_ledger_entry(number)
            return Undo(_("The deleted entry is back."),
                        lambda: database.add_ledger_entries([entry]))

        self.change(_("Deleted: {entry}.").format(entry=describe(entry)), delete)

    def action_undo(self) -> None:
        if self.undo is None:
            self.notify(_("Nothing to take back."), severity="warning")
            return
        undo = self.undo

        def take_back() -> None:  # nothing is left to take back after it
            undo.run()

        self.change(undo.said, take_back)

    def action_plan(self) -> None:
        from facilitator.tui.screens.treasury.plan_form import PlanFormScreen

        self.app.push_screen(PlanFormScreen(), self.save_plan)

    def save_plan(self, settings) -> None:
        if settings is None or settings == self.app.settings:
            return
        old = self.app.settings

        def save() -> Undo:
            self.app.save_settings(settings)
            return Undo(_("The previous plan is back."), lambda: self.app.save_settings(old))

        self.change(_("Plan saved."), save)

    # -- the report ---------------------------------------------------------------------------

    def action_write_report(self) -> None:
        """Last month's treasurer's report, written beside the database."""
        from facilitator.store.named_paths import write_output

        database = self.app.database
        start, end = last_full_month(self.app.clock.now().date())
        try:
            text = database.treasurer_report(start, end)
            name = database.path.with_name(f"treasurer-report-{start:%Y-%m}.md")
            path = write_output(str(name), text.encode("utf-8"), str(database.path))
        except FacilitatorError as error:
            self.show_error(error)
            return
        self.notify(_("Wrote the treasurer's report for {month} to {path}.").format(
            month=month_year(start), path=path))

    def action_close(self) -> None:
        self.dismiss(None)


def cell(text: str) -> Text:
    """The group's words in a cell: printable, never markup, cut with '…' when long."""
    return Text(printable(text), no_wrap=True, overflow="ellipsis")


def describe(entry: Entry) -> str:
    """'expense 12.50 on 2025-03-01 (rent)'."""
    shown = {"kind": kind_label(entry.kind), "amount": format_cents(entry.amount),
             "date": entry.date.isoformat(), "label": shown_label(entry)}
    if entry.label:
        return _("{kind} {amount} on {date} ({label})").format(**shown)
    return _("{kind} {amount} on {date}").format(**shown)
