"""The chip calculator: time sober and milestones for a date someone offers; never stored."""

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from facilitator.core.dates import describe_date, parse_sober_date
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.chips.milestones import Ladder, MilestoneDate, time_sober
from facilitator.core.i18n import N_, _, counted, number
from facilitator.store.ladders import group_ladder
from facilitator.tui.plain_text import plain_text

from facilitator.tui.screens.chips.calculator_key import CALCULATOR_BINDING, CalculatorAction  # noqa: F401
from facilitator.tui.screens.dialog import Dialog


# The result's headings, in a column as wide as the longest plus two spaces.
HEADINGS = (N_("Sober date"), N_("Today"), N_("Time sober"), N_("Reached"), N_("Next"),
            N_("Days until"), N_("Ladder"))


def result_lines(sober: date, today: date, ladder: Ladder) -> list[str]:
    """What the dialog shows for a sober date, as of `today`."""
    sober_for = time_sober(sober, today, ladder.leap_day)
    reached, coming = ladder.reached(sober, today), ladder.next_after(sober, today)
    days = counted("{n} day", "{n} days", sober_for.total_days)
    values = (
        describe_date(sober),
        describe_date(today),
        f"{sober_for.describe()} ({days})",
        reached_text(reached, today),
        next_text(coming),
        number(coming.days_until(today)) if coming else "",
        f"{ladder.title} ({ladder.name})",
    )
    headings = [_(heading) for heading in HEADINGS]
    width = max(len(heading) for heading in headings) + 2
    return [heading.ljust(width) + value for heading, value in zip(headings, values) if value]


def reached_text(reached: MilestoneDate | None, today: date) -> str:
    if reached is None:
        return _("none yet")
    if reached.date == today:
        # Translators: {milestone} is a chip's name from the ladder, e.g. "30 days".
        return _("{milestone}, today").format(milestone=reached.milestone.title)
    return _("{milestone}, on {date}").format(milestone=reached.milestone.title,
                                              date=describe_date(reached.date))


def next_text(coming: MilestoneDate | None) -> str:
    if coming is None:
        return _("none: this ladder ends here")
    return _("{milestone}, on {date}").format(milestone=coming.milestone.title,
                                              date=describe_date(coming.date))


class ChipCalculatorScreen(Dialog[None]):
    """Type a sober date, Enter: nothing is written, journaled or kept after closing."""

    BINDINGS = [Binding("escape", "close", N_("Close"), id="calculator.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="calculator-dialog"):
            yield Static(_("Chip calculator"), classes="dialog-title")
            yield Label(_("Sober date, then Enter"))
            yield Input(placeholder=_("YYYY-MM-DD, e.g. 2024-03-14"), id="sober-date")
            yield Static("", id="calculator-error", classes="error-line")
            yield Static("", id="calculator-result")
            yield Static(_("The date is not saved anywhere."), classes="dim-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Check (enter)"), variant="primary", id="check",
                             action="screen.check")
                yield Button(_("Close (esc)"), id="close", action="screen.close")

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
            if settings.date_order is None and reads_with_an_order(text, today):
                # Ambiguous (03/04): where to set the order. Found without reading the words.
                # Translators: {reason} ends "…set the date order (day-first or month-first)".
                raise ValidationError(error.field, _("{reason} in Settings (F9 or ,)").format(
                    reason=error.reason)) from None
            raise
        ladder = group_ladder(settings, self.app.database.path)
        return result_lines(sober, today, ladder)

    def action_close(self) -> None:
        self.dismiss(None)


def reads_with_an_order(text: str, today: date) -> bool:
    """True when `text` is a date (a past one) once the order of day and month is known."""
    for order in ("dayfirst", "monthfirst"):
        try:
            parse_sober_date(text, today=today, order=order)
        except ValidationError:
            continue
        return True
    return False
