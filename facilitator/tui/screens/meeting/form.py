"""Add a meeting: the first-run form, also used for every new meeting."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.schedule.meeting import (DURATION_LIMIT, SHARE_MINUTES_LIMIT, Meeting, parse_days,
                                      parse_time)
from facilitator.core import validate
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog


class MeetingFormScreen(Dialog[Meeting | None]):
    """Name, share minutes and, if wanted, the weekly schedule."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]

    def __init__(self, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        title = (_("Welcome! Let's set up your meeting.") if self.first_run
                 else _("Add a meeting"))
        with Vertical(classes="dialog form", id="meeting-form"):
            yield Static(title, classes="dialog-title")
            yield Label(_("Meeting name"))
            yield Input(placeholder=_("e.g. Tuesday Night Group"), id="name")
            # Two fields a row: the whole form, Save included, fits an 80x24 terminal.
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(_("Share minutes (1 to 30)"))
                    yield Input("5", id="share-minutes")
                with Vertical():
                    yield Label(_("Weekday(s), optional"))
                    yield Input(placeholder=_("e.g. tue or tue,thu"), id="days")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(_("Start time, optional"))
                    yield Input(placeholder="19:00", id="time")
                with Vertical():
                    yield Label(_("Minutes long, optional"))
                    yield Input(placeholder="60", id="duration")
            yield Static("", id="form-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save", action="screen.save")
                if not self.first_run:
                    yield Button(_("Cancel (esc)"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()


    def on_input_submitted(self) -> None:
        self.action_save()

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def action_save(self) -> None:
        try:
            meeting = Meeting(
                name=self.value("name"),
                share_minutes=validate.count(_("share minutes"), self.value("share-minutes") or "5",
                                             maximum=SHARE_MINUTES_LIMIT),
                days=parse_days(self.value("days")),
                start=parse_time(self.value("time")) if self.value("time") else None,
                duration_minutes=(validate.count(_("duration"), self.value("duration"),
                                                  maximum=DURATION_LIMIT)
                                  if self.value("duration") else None),
            )
            self.app.database.add_meeting(meeting)
        except FacilitatorError as error:
            self.query_one("#form-error", Static).update(plain_text(error))
            return
        self.notify(_("Added {meeting}.").format(meeting=meeting.name))
        self.dismiss(meeting)

    def action_cancel(self) -> None:
        if not self.first_run:
            self.dismiss(None)
