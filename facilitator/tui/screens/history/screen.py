"""The secretary's history: every record, filters, grouping, a trend and the summary.

Reading and checking 100,000 records, and adding them up, take a second or more: from 20,000
records both run in a worker thread and post the result back, so the screen answers keys
meanwhile (fewer are read at once, without a "Loading" flicker).
"""

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Select, Static
from textual.worker import get_current_worker

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import NC_, N_, _, counted, number, pgettext
from facilitator.core.records.history_view import HistoryChoice, HistoryView, build_view, parse_range
from facilitator.core.records.records import NO_RECORDS, Records
from facilitator.core.records.statistics import PERIODS, oldest_first, period_bounds
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.keys import FooterOrder
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.history_columns import (PERIOD_COLUMNS, occurrence_cells,
                                                     occurrence_columns, period_cells)
from facilitator.tui.widgets.history_summary import HistorySummary
from facilitator.tui.widgets.paged_table import PagedTable
from facilitator.tui.widgets.steady_footer import TranslatedFooter
from facilitator.tui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from facilitator.store.database import Database

PROGRESS_FROM = 20_000  # records: from here reading and adding up are done aside
GROUPINGS = [(N_("Each meeting"), "none"), (N_("Per week"), "week"), (N_("Per month"), "month"),
             (N_("Per year"), "year")]
# Each period's words, whole: "Week 3 of 12", "Group per week" (a period is stored in English).
PERIOD_POSITION = {"week": N_("Week {position} of {count}, newest first · Enter lists its "
                              "meetings"),
                   "month": N_("Month {position} of {count}, newest first · Enter lists its "
                               "meetings"),
                   "year": N_("Year {position} of {count}, newest first · Enter lists its "
                              "meetings")}
PERIOD_COMMANDS = {"week": (N_("Group per week"), N_("Totals and averages per week")),
                   "month": (N_("Group per month"), N_("Totals and averages per month")),
                   "year": (N_("Group per year"), N_("Totals and averages per year"))}


def read_records(database: "Database", choice: HistoryChoice,
                 today: date) -> tuple[Records, str | None, HistoryView]:
    """Every record read, checked and sorted once, and added up as chosen."""
    try:  # sorted once here: each choice then lists them without sorting again
        stored, unreadable = oldest_first(database.records()), None
    except FacilitatorError as error:  # a damaged record: say so, show nothing
        stored, unreadable = NO_RECORDS, str(error)
    return stored, unreadable, build_view(stored, choice, today)


class HistoryScreen(GuardedHandlers, FooterOrder, Screen):
    """All records, newest first; Enter opens one to correct or delete it."""

    CSS_PATH = "history.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (16, "-short"), (30, "-tall")]

    BINDINGS = [
        Binding("escape", "close", N_("Back"), id="history.close"),
        Binding("f5,ctrl+g", "next_grouping", N_("Group by"), id="history.group", priority=True,
                tooltip=N_("Each meeting, per week, per month, per year")),
        Binding("f6,ctrl+t", "focus_table", NC_("key", "Table"), id="history.table", priority=True,
                tooltip=N_("Move to the table of records")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stored: Records = NO_RECORDS
        self.unreadable: str | None = None  # why the records could not be read
        self.choice = HistoryChoice()
        self.view: HistoryView | None = None
        self.loading = False  # the records are being read and checked (in a worker)
        self._keep_position = False

    def compose(self) -> ComposeResult:
        meetings = self.app.database.meetings()
        self.meeting_names = [meeting.name for meeting in meetings]
        yield Header()
        with Horizontal(id="history-filters"):
            # Translators: a narrow field (about 18 columns): keep it short.
            yield Select([(plain_text(name), name) for name in self.meeting_names],
                         prompt=pgettext("choice", "All meetings"), id="history-meeting")
            # Translators: "From [first day] To [last day]": the dates of the records shown.
            yield Label(_("From"))
            yield Input(placeholder=_("first day"), id="history-from")
            yield Label(_("To"))
            yield Input(placeholder=_("last day"), id="history-to")
            yield Select([(_(label), value) for label, value in GROUPINGS], value="none",
                         allow_blank=False, id="history-by")
        yield Static("", id="history-error", classes="error-line")
        yield PagedTable(id="history-table")
        yield Static("", id="history-status")
        with Horizontal(id="history-figures"):
            yield HistorySummary(id="history-summary")
            yield TrendChart(id="history-trend")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one(PagedTable).focus()
        self.reload()

    def language_changed(self) -> None:
        """Rebuilt in another language: the filters as chosen, the records shown again."""
        choice, self.choice = self.choice, HistoryChoice()
        for widget_id, day in (("#history-from", choice.start), ("#history-to", choice.end)):
            self.query_one(widget_id, Input).value = day.isoformat() if day else ""
        if choice.meeting is not None:
            self.query_one("#history-meeting", Select).value = choice.meeting
        self.query_one("#history-by", Select).value = choice.by or "none"
        self.choice = choice
        self.query_one(PagedTable).focus()
        self.refresh_view(keep_position=True)

    # -- computing what is shown ------------------------------------------------------------

    def reload(self, *, keep_position: bool = False) -> None:
        """Read the records again (after a change) and show them as chosen."""
        self._keep_position = keep_position
        database, today = self.app.database, self.app.clock.now().date()
        if database.stored_record_count() <= PROGRESS_FROM:  # read at once: no flicker
            self.records_loaded(*read_records(database, self.choice, today))
            return
        self.loading = True
        self.set_status(_("Loading records…"))
        self.load_records(database, today)

    @work(thread=True, exclusive=True, group="history-load")
    def load_records(self, database: "Database", today: date) -> None:
        loaded = read_records(database, self.choice, today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.records_loaded, *loaded)

    def records_loaded(self, stored: Records, unreadable: str | None, view: HistoryView) -> None:
        if not self.is_attached:  # closed while loading
            return
        self.stored, self.unreadable, self.loading = stored, unreadable, False
        if unreadable:
            self.query_one("#history-error", Static).update(plain_text(unreadable))
        if view.choice == self.choice:
            self.show_view(view)
        else:  # chosen while the records were loading
            self.refresh_view(keep_position=self._keep_position)

    def refresh_view(self, *, keep_position: bool = False) -> None:
        self._keep_position = keep_position
        if self.loading:
            return  # the records being loaded are shown as chosen by then
        today = self.app.clock.now().date()
        if len(self.stored) > PROGRESS_FROM:
            # Tens of thousands of records take a moment: say so, add them up aside.
            self.set_status(counted("Adding up {n} record…", "Adding up {n} records…",
                                    len(self.stored)))
            self.build_view_aside(self.stored, self.choice, today)
        else:
            self.show_view(build_view(self.stored, self.choice, today))

    @work(thread=True, exclusive=True, group="history-view")
    def build_view_aside(self, stored: Records, choice: HistoryChoice, today: date) -> None:
        view = build_view(stored, choice, today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.view_built, stored, view)

    def view_built(self, stored: Records, view: HistoryView) -> None:
        # A newer choice or a reload since then has its own worker: this result is stale.
        if self.is_attached and stored is self.stored and view.choice == self.choice:
            self.show_view(view)

    def show_view(self, view: HistoryView) -> None:
        table = self.query_one(PagedTable)
        at = table.position if self._keep_position else 0
        self.view = view
        if view.choice.by:
            table.show(PERIOD_COLUMNS, view.groups, period_cells, at=at)
        else:
            mixed = view.mixed_currencies
            table.show(occurrence_columns(self.meeting_names), view.rows,
                       lambda row: occurrence_cells(row, mixed), at=at)
        self.query_one(HistorySummary).show(view.summary, self.empty_message(view))
        self.query_one(TrendChart).show(view.trend)
        self.show_position(table.position)

    def empty_message(self, view: HistoryView) -> str:
        if self.unreadable:
            return self.unreadable
        if not view.stored:
            return _("No records yet. A meeting's counts are kept when it ends; add past ones "
                     "with `facilitator record` or `facilitator import`.")
        return _("No records match: choose another meeting or other dates.")

    def set_status(self, text: str) -> None:
        self.query_one("#history-status", Static).update(plain_text(text))

    def show_position(self, position: int) -> None:
        view = self.view
        if view is None or not view.lines:
            self.set_status(_("No records to show") if view and view.stored else "")
            return
        if view.choice.by:
            status = _(PERIOD_POSITION[view.choice.by]).format(
                position=number(position + 1), count=number(len(view.groups)))
        else:
            status = _("Record {position} of {count}, newest first · Enter opens it to correct "
                       "or delete").format(position=number(position + 1),
                                           count=number(len(view.rows)))
        self.set_status(status)

    @on(DataTable.RowHighlighted, "#history-table")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_position(int(event.row_key.value))

    # -- filters and grouping ---------------------------------------------------------------

    def choose(self, **changes) -> None:
        choice = replace(self.choice, **changes)
        if choice != self.choice:
            self.choice = choice
            self.refresh_view()

    @on(Select.Changed, "#history-meeting")
    def meeting_chosen(self, event: Select.Changed) -> None:
        self.choose(meeting=None if event.value is Select.NULL else event.value)

    @on(Select.Changed, "#history-by")
    def grouping_chosen(self, event: Select.Changed) -> None:
        self.choose(by=None if event.value == "none" else event.value)

    @on(Input.Submitted, "#history-from, #history-to")
    @on(Input.Blurred, "#history-from, #history-to")
    def dates_typed(self) -> None:
        error = self.query_one("#history-error", Static)
        try:
            start, end = parse_range(self.query_one("#history-from", Input).value,
                                     self.query_one("#history-to", Input).value,
                                     order=self.app.settings.date_order,
                                     today=self.app.clock.now().date())
        except FacilitatorError as problem:
            error.update(plain_text(problem))
            return
        error.update("")
        self.choose(start=start, end=end)

    def action_next_grouping(self) -> None:
        values = [value for _label, value in GROUPINGS]
        select = self.query_one("#history-by", Select)
        select.value = values[(values.index(select.value) + 1) % len(values)]

    def action_focus_table(self) -> None:
        self.query_one(PagedTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    # -- opening a record or a period -------------------------------------------------------

    @on(DataTable.RowSelected, "#history-table")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_line(int(event.row_key.value))

    def action_open_record(self) -> None:
        self.open_line(self.query_one(PagedTable).position)

    def open_line(self, index: int) -> None:
        view = self.view
        if view is None or not view.lines:
            return
        if view.choice.by:
            self.list_period(view.groups[index].label, view.choice.by)
            return
        shown = view.rows[index]
        try:
            record = self.app.database.find_record(shown.meeting, shown.date)
        except FacilitatorError as error:
            self.notify(str(error), severity="error")
            return
        if record is None:  # changed since it was read
            self.reload()
            return
        from facilitator.tui.screens.history.record_editor import RecordEditorScreen

        self.app.push_screen(RecordEditorScreen(record), self.after_edit)

    def list_period(self, label: str, by: str) -> None:
        """Each record of one period (within the dates already chosen)."""
        first, last = period_bounds(label, by)
        first = max(first, self.choice.start or first)
        last = min(last, self.choice.end or last)
        self.query_one("#history-from", Input).value = first.isoformat()
        self.query_one("#history-to", Input).value = last.isoformat()
        self.query_one("#history-error", Static).update("")
        self.query_one("#history-by", Select).value = "none"
        self.choose(start=first, end=last, by=None)

    def after_edit(self, outcome: str | None) -> None:
        if outcome:
            self.reload(keep_position=True)

    def extra_commands(self):
        yield SystemCommand(_("Open record"), _("Correct or delete the highlighted record"),
                            self.action_open_record)
        for period in PERIODS:
            title, help_text = PERIOD_COMMANDS[period]
            yield SystemCommand(_(title), _(help_text),
                                lambda period=period: self.group_by(period))
        yield SystemCommand(_("Each meeting"), _("List every record, not grouped"),
                            lambda: self.group_by("none"))

    def group_by(self, value: str) -> None:
        self.query_one("#history-by", Select).value = value
