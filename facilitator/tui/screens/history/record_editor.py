"""One past record, opened from the history: correct its counts, or delete it."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from facilitator.core.dates import describe_date, parse_date
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.money import format_cents, parse_amount
from facilitator.core.records.record import Record, count_field
from facilitator.core.records.report_tables import chips_text
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog

COUNTS = ("attendance", "newcomers", "visitors", "online", "shares")
# The fields' labels (the record's field names stay English).
COUNT_LABELS = {"attendance": N_("Attendance"), "newcomers": N_("Newcomers"),
                "visitors": N_("Visitors"), "online": N_("Online"), "shares": N_("Shares")}


def other_figures(record: Record) -> str:
    """What the dialog shows but does not change: chips, share time, hours, sections."""
    # Translators: {chips} lists the chips given, e.g. "24h×2, 30d".
    parts = [_("chips {chips}").format(chips=chips_text(record.chips)) if record.chips
             else _("no chips")]
    if record.share_seconds:
        parts.append(_("{minutes} min of shares").format(minutes=record.share_seconds // 60))
    if record.start and record.end:
        parts.append(f"{record.start:%H:%M}–{record.end:%H:%M}")
    # Translators: {figures} are the record's other figures, joined by " · ".
    return _("Kept as they are: {figures}").format(figures=" · ".join(parts))


class RecordEditorScreen(Dialog[str | None]):
    """Returns 'saved', 'deleted' or None; a refused value names the field, nothing is kept."""

    CSS_PATH = "record_editor.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="record.save", priority=True),
        Binding("ctrl+d", "delete", N_("Delete…"), id="record.delete", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="record.cancel"),
    ]

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        names = [meeting.name for meeting in self.app.database.meetings()]
        if record.meeting not in names:
            names.append(record.meeting)
        with Vertical(classes="dialog form", id="record-editor"):
            yield Static(plain_text(f"{record.meeting}, {describe_date(record.date)}"),
                         classes="dialog-title")
            with Grid(id="record-fields"):
                with Vertical(id="record-meeting-cell"):
                    yield Label(_("Meeting"))
                    yield Select([(plain_text(name), name) for name in names],
                                 value=record.meeting, allow_blank=False, id="record-meeting")
                with Vertical():
                    yield Label(_("Date"))
                    yield Input(record.date.isoformat(), id="record-date")
                for name in COUNTS:
                    with Vertical():
                        yield Label(_(COUNT_LABELS[name]))
                        yield Input(str(getattr(record, name)), id=f"record-{name}")
                with Vertical():
                    # Translators: {currency} is a 3-letter code, e.g. USD.
                    yield Label(plain_text(_("Collection ({currency})").format(
                        currency=record.currency)))
                    yield Input(format_cents(record.collection),
                                id="record-collection")
                with Vertical(id="record-note-cell"):
                    yield Label(_("Note"))
                    yield Input(record.note, id="record-note")
            yield Static(plain_text(other_figures(record)), classes="dim-line")
            yield Static("", id="record-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save",
                             action="screen.save")
                yield Button(_("Delete… (ctrl+d)"), variant="error", id="delete",
                             action="screen.delete")
                yield Button(_("Cancel (esc)"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#record-attendance", Input).focus()

    def value(self, name: str) -> str:
        return self.query_one(f"#record-{name}", Input).value

    def corrected(self) -> Record:
        """The record as typed, checked as `facilitator record` checks it."""
        day = parse_date(self.value("date"), today=self.app.clock.now().date(),
                         order=self.app.settings.date_order, field="date")
        counts = {name: count_field(name, self.value(name)) for name in COUNTS}
        return self.record.edit(
            meeting=self.query_one("#record-meeting", Select).value, date=day, **counts,
            collection=parse_amount(self.value("collection")), note=self.value("note"))

    def action_save(self) -> None:
        database = self.app.database
        try:
            record = self.corrected()
            if record.key == self.record.key:
                database.add_record(record, replace=True)
            else:  # moved to another date or meeting: the old one goes in the same write
                database.correct_record(self.record.meeting, self.record.date, record)
        except FacilitatorError as error:
            self.query_one("#record-error", Static).update(plain_text(error))
            return
        self.notify(_("Saved {meeting}, {date}.").format(meeting=record.meeting,
                                                          date=record.date.isoformat()))
        self.dismiss("saved")

    def action_delete(self) -> None:
        from facilitator.tui.screens.confirm import ConfirmScreen

        record = self.record
        question = _("Delete the record of {meeting} on {date}?\n\nIts counts are gone for "
                     "good (the backups keep earlier copies).").format(
            meeting=record.meeting, date=describe_date(record.date))
        self.app.push_screen(ConfirmScreen(question, _("Delete"), _("Keep it")),
                             self.after_confirm)

    def after_confirm(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            self.app.database.delete_record(self.record.meeting, self.record.date)
        except FacilitatorError as error:
            self.query_one("#record-error", Static).update(plain_text(error))
            return
        self.notify(_("Deleted {meeting}, {date}.").format(meeting=self.record.meeting,
                                                            date=self.record.date.isoformat()))
        self.dismiss("deleted")

    def on_input_submitted(self) -> None:
        self.action_save()


    def action_cancel(self) -> None:
        self.dismiss(None)
