"""Attendance and newcomers per week or month: two sparklines, each under its label."""

from statistics import fmean

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from facilitator.core.i18n import _, number
from facilitator.core.records.history_view import Trend
from facilitator.tui.plain_text import plain_text


def trend_title(trend: Trend) -> str:
    periods = trend.periods
    title = _("Trend per week") if trend.by == "week" else _("Trend per month")
    if not periods:
        return title
    # Translators: {title} is "Trend per week" or "…month"; {first} and {last} name periods.
    return _("{title} · {first} to {last}").format(title=title, first=periods[0].label,
                                                   last=periods[-1].label)


def trend_labels(trend: Trend) -> tuple[str, str]:
    """What each line shows: the highest value and when; the newcomers in all."""
    periods = trend.periods
    if not periods:
        return _("Attendance: no records"), _("Newcomers: no records")
    best = max(periods, key=lambda period: period.attendance)
    most = max(periods, key=lambda period: period.newcomers)
    # Translators: {period} names the week or month of the highest value.
    return (_("Attendance · highest {highest} ({period})").format(
                highest=number(best.attendance), period=best.label),
            _("Newcomers · {total} in all · highest {highest} ({period})").format(
                total=number(sum(trend.newcomers)), highest=number(most.newcomers),
                period=most.label))


class TrendChart(Vertical):
    """Periods without a record count as zero, so the time axis is even."""

    def compose(self) -> ComposeResult:
        # Several periods share a column when there are more than columns: their average.
        yield Static(classes="trend-label", id="trend-attendance-label")
        yield Sparkline([], summary_function=fmean, id="trend-attendance")
        yield Static(classes="trend-label", id="trend-newcomers-label")
        yield Sparkline([], summary_function=fmean, id="trend-newcomers")

    def show(self, trend: Trend) -> None:
        attendance, newcomers = trend_labels(trend)
        self.border_title = plain_text(trend_title(trend))
        self.query_one("#trend-attendance-label", Static).update(plain_text(attendance))
        self.query_one("#trend-newcomers-label", Static).update(plain_text(newcomers))
        self.query_one("#trend-attendance", Sparkline).data = trend.attendance
        self.query_one("#trend-newcomers", Sparkline).data = trend.newcomers
