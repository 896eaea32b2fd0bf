"""The chip calculator: time sober and milestones for a date someone offers; never stored."""

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from facilitator.core.dates import describe_date, parse_sober_date
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.chips.milestones import Ladder, MilestoneDate, time_sober
from facilitator.core.plurals import plural
from facilitator.store.ladders import group_ladder
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text

from facilitator.tui.screens.chips.calculator_key import CALCULATOR_BINDING, CalculatorAction  # noqa: F401


def result_lines(sober: date, today: date, ladder: Ladder) -> list[str]:
    """What the dialog shows for a sober date, as of `today`."""
    sober_for = time_sober(sober, today, ladder.leap_day)
    reached, coming = ladder.reached(sober, today), ladder.next_after(sober, today)
    lines = [
        f"Sober date  {describe_date(sober)}",
        f"Today       {describe_date(today)}",
        f"Time sober  {sober_for.describe()} ({plural(sober_for.total_days, 'day', 'days')})",
        f"Reached     {reached_text(reached, today)}",
        f"Next        {next_text(coming)}",
        f"Days until  {coming.days_until(today):,}" if coming else "",
        f"Ladder      {ladder.title} ({ladder.name})",
    ]
    return [line for line in lines if line]


def reached_text(reached: MilestoneDate | None, today: date) -> str:
    if reached is None:
        return "none yet"
    when = "today" if reached.date == today else f"on {describe_date(reached.date)}"
    return f"{reached.milestone.title}, {when}"


def next_text(coming: MilestoneDate | None) -> str:
    if coming is None:
        return "none: this ladder ends here"
    return f"{coming.milestone.title}, on {describe_date(coming.date)}"


class ChipCalculatorScreen(GuardedHandlers, ModalScreen[None]):
    """Type a sober date, Enter: nothing is written, journaled or kept after closing."""

    BINDINGS = [Binding("escape", "close", "Close", id="calculator.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="calculator-dialog"):
            yield Static("Chip calculator", classes="dialog-title")
            yield Label("Sober date, then Enter")
            yield Input(placeholder="YYYY-MM-DD, e.g. 2024-03-14", id="sober-date")
            yield Static("", id="calculator-error", classes="error-line")
            yield Static("", id="calculator-result")
            yield Static("The date is not saved anywhere.", classes="dim-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Check (enter)", variant="primary", id="check", action="screen.check")
                yield Button("Close (esc)", id="close", action="screen.close")

    def on_mount(self) -> None:
        self.query_one("#sober-date", Input).focus()


    def on_input_submitted(self) -> None:
        self.action_check()

    def action_check(self) -> None:
        text = self.query_one("#sober-date", Input).value
        error = self.query_one("#calculator-error", Static)
        result = self.query_one("#calculator-result", Static)
        try:
            lines = self.calculate(text)
        except FacilitatorError as problem:
            error.update(plain_text(problem))
            result.update("")
            return
        error.update("")
        result.update(plain_text("\n".join(lines)))

    def calculate(self, text: str) -> list[str]:
        settings = self.app.settings
        today = self.app.clock.now().date()
        try:
            sober = parse_sober_date(text, today=today, order=settings.date_order)
        except ValidationError as error:
            if settings.date_order is None and "day-first or month-first" in error.reason:
                raise ValidationError(error.field,
                                      f"{error.reason} in Settings (F9 or ,)") from None
            raise
        ladder = group_ladder(settings, self.app.database.path)
        return result_lines(sober, today, ladder)

    def action_close(self) -> None:
        self.dismiss(None)
