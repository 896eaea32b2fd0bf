"""The group's settings and each meeting's own, edited in the app."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, Switch

from facilitator.core import validate
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import LANGUAGES, N_, _
from facilitator.core.schedule.meeting import (DURATION_LIMIT, QUEUE_MODE_NAMES, QUEUE_MODES, SHARE_MINUTES_LIMIT,
                                      Meeting, parse_days, parse_time, parse_types)
from facilitator.core.settings import (CLOSING_RESERVE_LIMIT, KEY_MODES, WARNING_SECONDS_LIMIT,
                                       GroupSettings)
from facilitator.store.reference import meeting_type_codes
from facilitator.tui.plain_text import plain_text
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.screens.settings_business import business_fields, business_values

DATE_ORDERS = [(N_("numeric dates must be unambiguous"), "none"),
               (N_("day first (31/12/2024)"), "dayfirst"),
               (N_("month first (12/31/2024)"), "monthfirst")]
# The stored values stay English; these are what the fields show.
KEY_MODE_LABELS = {"function keys": N_("function keys"), "letters": N_("letters")}


def language_choices() -> list[tuple[str, str]]:
    """The computer's language (stored as ""), then each language named in its own words."""
    return [(_("This computer's language"), "")] + [
        (name, code) for code, name in LANGUAGES.items()]


class SettingsScreen(Dialog[None]):
    """Every value is checked on save; a refused value names the field and the reason."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="settings.save", priority=True),
        Binding("escape", "close", N_("Close"), id="settings.close"),
        Binding("ctrl+f", "edit_format", N_("Edit format…"), id="settings.format",
                priority=True, tooltip=N_("The agenda of the meeting chosen under Meeting "
                                          "settings")),
    ]

    def compose(self) -> ComposeResult:
        settings: GroupSettings = self.app.settings
        meetings = self.app.database.meetings()
        with VerticalScroll(classes="dialog form", id="settings-form"):
            yield Static(_("Group settings"), classes="dialog-title")
            yield Label(_("Currency (3 letters)"))
            yield Input(settings.currency, id="currency")
            yield Label(_("Typed dates"))
            yield Select([(_(label), value) for label, value in DATE_ORDERS],
                         value=settings.date_order or "none", allow_blank=False, id="date-order")
            yield Label(_("Chip ladder (aa, na, monthly or your own)"))
            yield Input(settings.ladder, id="ladder")
            yield Label(_("Warn this many seconds before a share's time is up"))
            yield Input(str(settings.warning_seconds), id="warning-seconds")
            yield Label(_("Minutes kept for closing"))
            yield Input(str(settings.closing_reserve_minutes), id="closing-reserve")
            with Horizontal(classes="switch-row"):
                yield Switch(settings.bell, id="bell")
                yield Label(_("Ring the terminal bell at warning and at time"))
            with Horizontal(classes="switch-row"):
                yield Switch(settings.names_on_display, id="names-on-display")
                yield Label(_("Show first names on the room display"))
            yield Label(_("Theme"))
            themes = sorted(self.app.available_themes)
            yield Select([(name, name) for name in themes], value=self.app.theme,
                         allow_blank=False, id="theme")
            yield Label(_("Keys shown at the bottom (both kinds always work)"))
            yield Select([(_(KEY_MODE_LABELS.get(mode, mode)), mode) for mode in KEY_MODES],
                         value=settings.keys, allow_blank=False, id="keys")
            yield Label(_("Language"))
            yield Select(language_choices(), value=settings.language, allow_blank=False,
                         id="language")
            yield from business_fields(settings)
            if meetings:
                yield Static(_("Meeting settings"), classes="dialog-title")
                keys = [m.key for m in meetings]
                running = (self.running_meeting or "").casefold()
                yield Select([(plain_text(m.name), m.key) for m in meetings],
                             value=running if running in keys else keys[0],
                             allow_blank=False, id="meeting")
                yield Label(_("Name"))
                yield Input(id="meeting-name")
                yield Label(_("Share minutes (1 to 30)"))
                yield Input(id="meeting-share")
                yield Label(_("Weekday(s), e.g. tue,thu"))
                yield Input(id="meeting-days")
                yield Label(_("Start time (HH:MM)"))
                yield Input(id="meeting-time")
                yield Label(_("Minutes long"))
                yield Input(id="meeting-duration")
                yield Label(_("Meeting Guide types, e.g. O,D"))
                yield Input(id="meeting-types")
                yield Label(_("Speaker queue"))
                yield Select([(_(QUEUE_MODE_NAMES[m]), m) for m in QUEUE_MODES], allow_blank=False,
                             id="meeting-queue")
                yield Button(_("Edit format… (ctrl+f)"), id="edit_format", action="screen.edit_format")
            yield Static("", id="settings-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save", action="screen.save")
                yield Button(_("Close (esc)"), id="close", action="screen.close")

    def on_mount(self) -> None:
        if self.query("#meeting"):
            self.show_meeting(self.query_one("#meeting", Select).value)
        self.query_one("#currency", Input).focus()

    @on(Select.Changed, "#meeting")
    def meeting_changed(self, event: Select.Changed) -> None:
        self.show_meeting(event.value)

    @on(Select.Changed, "#theme")
    def theme_changed(self, event: Select.Changed) -> None:
        self.app.theme = event.value  # preview at once; remembered by the app

    def show_meeting(self, key: str) -> None:
        meeting = self.app.database.find_meeting(key)
        values = {
            "meeting-name": meeting.name,
            "meeting-share": str(meeting.share_minutes),
            "meeting-days": ",".join(meeting.day_names()),
            "meeting-time": meeting.start.strftime("%H:%M") if meeting.start else "",
            "meeting-duration": str(meeting.duration_minutes or ""),
            "meeting-types": ",".join(meeting.types),
        }
        for widget_id, value in values.items():
            self.query_one(f"#{widget_id}", Input).value = value
        self.query_one("#meeting-queue", Select).value = meeting.queue_mode

    @property
    def running_meeting(self) -> str | None:
        """The name of the meeting in progress under this dialog, if any."""
        for screen in self.app.screen_stack:
            live = getattr(screen, "live", None)
            if live is not None:
                return live.session.meeting
        return None

    def text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def group_settings(self) -> GroupSettings:
        order = self.query_one("#date-order", Select).value
        return self.app.settings.edit(
            currency=self.text("currency"),
            date_order=None if order == "none" else order,
            ladder=self.text("ladder"),
            warning_seconds=validate.count("warning seconds", self.text("warning-seconds"),
                                           maximum=WARNING_SECONDS_LIMIT),
            closing_reserve_minutes=validate.count("closing reserve", self.text("closing-reserve"),
                                                   maximum=CLOSING_RESERVE_LIMIT),
            bell=self.query_one("#bell", Switch).value,
            names_on_display=self.query_one("#names-on-display", Switch).value,
            theme=self.query_one("#theme", Select).value,
            keys=self.query_one("#keys", Select).value,
            language=self.query_one("#language", Select).value,
            **business_values(self),
        )

    def meeting_settings(self) -> tuple[str, Meeting] | None:
        if not self.query("#meeting"):
            return None
        key = self.query_one("#meeting", Select).value
        old = self.app.database.find_meeting(key)
        if not self.text("meeting-share"):
            raise ValidationError("share minutes", "cannot be empty")
        new = old.edit(
            name=self.text("meeting-name"),
            share_minutes=validate.count("share minutes", self.text("meeting-share"),
                                         maximum=SHARE_MINUTES_LIMIT),
            days=parse_days(self.text("meeting-days")),
            start=parse_time(self.text("meeting-time")) if self.text("meeting-time") else None,
            duration_minutes=(validate.count("duration", self.text("meeting-duration"),
                                             maximum=DURATION_LIMIT)
                              if self.text("meeting-duration") else None),
            types=parse_types(self.text("meeting-types"), meeting_type_codes()),
            queue_mode=self.query_one("#meeting-queue", Select).value,
        )
        running = self.running_meeting
        if running and old.key == running.casefold() and new.name != old.name:
            # Its record is saved under the name it started with.
            raise ValidationError("name", "the meeting in progress keeps its name until it ends")
        return old.name, new

    def action_save(self) -> None:
        error_line = self.query_one("#settings-error", Static)
        try:
            settings = self.group_settings()
            meeting = self.meeting_settings()
            if meeting:  # first: it can still be refused (a name taken), and then nothing is kept
                self.app.database.update_meeting(*meeting)
            self.app.save_settings(settings)
        except FacilitatorError as error:
            error_line.update(plain_text(error))
            # The line may be scrolled out of sight at the bottom of the form.
            self.notify(str(error), severity="error")
            return
        error_line.update("")
        self.notify(_("Settings saved."))
        self.dismiss(None)


    def action_edit_format(self) -> None:
        """The format editor for the meeting chosen under Meeting settings."""
        if not self.query("#meeting"):
            self.notify(_("Add a meeting first."), severity="warning")
            return
        from facilitator.tui.screens.format_editor import FormatEditorScreen

        meeting = self.app.database.find_meeting(self.query_one("#meeting", Select).value)
        self.app.push_screen(FormatEditorScreen(meeting))

    def action_close(self) -> None:
        self.dismiss(None)
