"""End of the meeting: the counts that will be saved, then save or discard."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.money import format_cents
from facilitator.core.plurals import plural
from facilitator.core.records.record import Record
from facilitator.store.live_meeting import LiveMeeting
from facilitator.store.meeting_stock import stock_after_meeting
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.meeting.discard import ask_to_discard
from facilitator.tui.widgets.meeting_header import clock_text


def summary_lines(record: Record, duration_seconds: float) -> list[str]:
    chips = ", ".join(f"{key} ×{count}" for key, count in record.chips.items() if count)
    return [
        f"Attendance      {record.attendance}",
        f"Newcomers       {record.newcomers}",
        f"Visitors        {record.visitors}",
        f"Online          {record.online}",
        f"Shares          {record.shares}" + (f"  ({record.passes} passed)" if record.passes else ""),
        f"Share time      {clock_text(record.share_seconds)}"
        + (f"  ({record.over_time} over time)" if record.over_time else ""),
        f"Chips given     {record.chips_total}" + (f"  ({chips})" if chips else ""),
        f"Collection      {format_cents(record.collection, record.currency)}"
        + (f"  ({format_cents(record.collection_in_room)} in the room, "
           f"{format_cents(record.collection_online)} online)" if record.collection_online else ""),
        f"Duration        {clock_text(duration_seconds)}",
    ] + [f"  {title[:28]:<28}  {clock_text(seconds)}" for title, seconds in record.sections.items()]


class SummaryScreen(GuardedHandlers, ModalScreen[str | None]):
    """Save writes one record of counts and deletes the journal; discard saves nothing."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save record", id="summary.save", priority=True),
        Binding("ctrl+d", "discard", "Discard meeting", id="summary.discard", priority=True),
        Binding("escape", "back", "Back to meeting", id="summary.back"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        record = self.live.record()
        try:
            existing, unreadable = self.app.database.find_record(record.meeting, record.date), ""
        except FacilitatorError as error:  # a damaged database: saving will say so too
            existing, unreadable = None, str(error)
        with Vertical(classes="dialog", id="summary-dialog"):
            yield Static(plain_text(f"End of {record.meeting} — {record.date:%a %d %b %Y}"),
                         classes="dialog-title")
            yield Static(plain_text("\n".join(summary_lines(record, self.live.now()))),
                         id="summary-figures")
            if existing:
                yield Static("A record for this meeting and date is already saved: saving "
                             "replaces it.", classes="warning-line")
            if unreadable:
                yield Static(unreadable, id="summary-error", classes="error-line", markup=False)
            stock = stock_after_meeting(self.app.database, record.chips,
                                        existing.chips if existing else None)
            if stock.warnings:
                yield Static(plain_text("Chip stock after saving: " + "; ".join(stock.warnings)),
                             id="summary-stock", classes="warning-line")
            yield Static("Only these counts are kept. Names are forgotten.", classes="dim-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", action="screen.save")
                yield Button("Back (esc)", id="back", action="screen.back")
                yield Button("Discard (ctrl+d)", variant="error", id="discard",
                             action="screen.discard")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def action_save(self) -> None:
        record = self.live.record()
        try:  # a damaged database is said so; the meeting stays in its journal
            replace = self.app.database.find_record(record.meeting, record.date) is not None
            saved = self.live.end(self.app.database, replace=replace)
        except FacilitatorError as error:
            self.notify(str(error), severity="error", timeout=20)
            return
        newcomers = plural(saved.newcomers, "newcomer", "newcomers")
        self.notify(f"Saved: {saved.attendance} attended, {newcomers}.")
        self.dismiss("saved")

    def action_discard(self) -> None:
        ask_to_discard(self, self.live, lambda: self.dismiss("discarded"))

    def action_back(self) -> None:
        self.dismiss(None)
