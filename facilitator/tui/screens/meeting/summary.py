"""End of the meeting: the counts that will be saved, then save or discard."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, counted, ngettext, number
from facilitator.core.money import format_cents
from facilitator.core.records.record import Record
from facilitator.store.live_meeting import LiveMeeting
from facilitator.store.meeting_stock import stock_after_meeting
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.screens.meeting.discard import ask_to_discard
from facilitator.core.calendar_words import long_date
from facilitator.tui.widgets.meeting_header import clock_text


LABEL_WIDTH = 16  # the figures start here, or two spaces after the longest label


def summary_lines(record: Record, duration_seconds: float) -> list[str]:
    chips = ", ".join(f"{key} ×{count}" for key, count in record.chips.items() if count)
    figures = [
        (_("Attendance"), str(record.attendance)),
        (_("Newcomers"), str(record.newcomers)),
        (_("Visitors"), str(record.visitors)),
        (_("Online"), str(record.online)),
        (_("Shares"), str(record.shares) + aside(
            record.passes and counted("{n} passed", "{n} passed", record.passes))),
        (_("Share time"), clock_text(record.share_seconds) + aside(
            record.over_time and counted("{n} over time", "{n} over time", record.over_time))),
        (_("Chips given"), str(record.chips_total) + aside(chips)),
        (_("Collection"), format_cents(record.collection, record.currency)
         + aside(record.collection_online and collection_split(record))),
        (_("Duration"), clock_text(duration_seconds)),
    ]
    width = max(LABEL_WIDTH, max(len(label) for label, _value in figures) + 2)
    return [f"{label:<{width}}{value}" for label, value in figures] + [
        f"  {title[:28]:<28}  {clock_text(seconds)}" for title, seconds in record.sections.items()]


def aside(text: str | int) -> str:
    """'  (2 passed)' after a figure, or nothing."""
    return f"  ({text})" if text else ""


def collection_split(record: Record) -> str:
    """'12.00 in the room, 5.00 online'."""
    return _("{room} in the room, {online} online").format(
        room=format_cents(record.collection_in_room), online=format_cents(record.collection_online))


class SummaryScreen(Dialog[str | None]):
    """Save writes one record of counts and deletes the journal; discard saves nothing."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save record"), id="summary.save", priority=True),
        Binding("ctrl+d", "discard", N_("Discard meeting"), id="summary.discard", priority=True),
        Binding("escape", "back", N_("Back to meeting"), id="summary.back"),
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
            yield Static(plain_text(_("End of {meeting} — {date}").format(
                meeting=record.meeting, date=long_date(record.date))),
                         classes="dialog-title")
            yield Static(plain_text("\n".join(summary_lines(record, self.live.now()))),
                         id="summary-figures")
            if existing:
                yield Static(_("A record for this meeting and date is already saved: saving "
                               "replaces it."), classes="warning-line")
            if unreadable:
                yield Static(unreadable, id="summary-error", classes="error-line", markup=False)
            stock = stock_after_meeting(self.app.database, record.chips,
                                        existing.chips if existing else None)
            if stock.warnings:
                yield Static(plain_text(_("Chip stock after saving: {warnings}").format(
                    warnings="; ".join(stock.warnings))),
                             id="summary-stock", classes="warning-line")
            yield Static(_("Only these counts are kept. Names are forgotten."), classes="dim-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save", action="screen.save")
                yield Button(_("Back (esc)"), id="back", action="screen.back")
                yield Button(_("Discard (ctrl+d)"), variant="error", id="discard",
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
        # Translators: {attendance} people attended, {n} of them newcomers.
        self.notify(ngettext("Saved: {attendance} attended, {n} newcomer.",
                             "Saved: {attendance} attended, {n} newcomers.", saved.newcomers)
                    .format(attendance=number(saved.attendance), n=number(saved.newcomers)))
        self.dismiss("saved")

    def action_discard(self) -> None:
        ask_to_discard(self, self.live, lambda: self.dismiss("discarded"))

    def action_back(self) -> None:
        self.dismiss(None)
