"""The summary figures of the chosen range, in a few lines beside the trend."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.core.money import format_cents
from facilitator.core.plurals import plural
from facilitator.core.records.report_tables import WEEKDAY_NAMES, chips_text, money, number
from facilitator.core.records.statistics import Summary
from facilitator.tui.plain_text import plain_text


def summary_text(summary: Summary) -> list[str]:
    """Meetings, attendance figures, other counts, money, weekdays and the year before."""
    totals = summary.totals
    lines = [
        f"{plural(totals.meetings, 'meeting', 'meetings')} held · {totals.attendance:,} attending · "
        f"{plural(totals.newcomers, 'newcomer', 'newcomers')}",
        f"Average {number(totals.average_attendance)} · median "
        f"{number(summary.median_attendance)} · lowest {summary.lowest_attendance} · "
        f"highest {summary.highest_attendance}",
        f"Visitors {totals.visitors:,} · online {totals.online:,} · shares {totals.shares:,}",
        f"Chips given {totals.chips_total:,}" + (f": {chips_text(totals.chips)}" if totals.chips
                                                 else ""),
    ]
    collected = f"Collection {money(totals.collection)}"
    per_attendee = totals.collection_per_attendee
    if per_attendee:
        collected += " · per attendee " + " + ".join(
            format_cents(round(cents), currency) for currency, cents in per_attendee.items())
    lines.append(collected)
    if summary.by_weekday:
        lines.append("Average by weekday: " + " · ".join(
            f"{WEEKDAY_NAMES[day]} {value:.1f}" for day, value in summary.by_weekday.items()))
    change = summary.year_before
    if change is not None:
        before = f"A year before ({change.start.isoformat()} to {change.end.isoformat()})"
        if change.average_change is None:
            lines.append(f"{before}: no records")
        else:
            percent = ("" if change.average_change_percent is None
                       else f" ({change.average_change_percent:+.1f}%)")
            lines.append(f"{before}: {plural(change.meetings, 'meeting', 'meetings')}, average "
                         f"{number(change.average_attendance)}; change "
                         f"{change.average_change:+.1f}{percent}, newcomers "
                         f"{change.newcomers_change:+d}")
    return lines


class HistorySummary(VerticalScroll):
    """Summary figures (scrolled in a small terminal); a short message when none match."""

    def compose(self) -> ComposeResult:
        yield Static(id="summary-text")

    def show(self, summary: Summary | None, message: str = "") -> None:
        text = self.query_one("#summary-text", Static)
        if summary is None:
            self.border_title = "Summary"
            text.update(plain_text(message))
            return
        totals = summary.totals
        self.border_title = plain_text(
            f"Summary · {totals.start.isoformat()} to {totals.end.isoformat()}")
        text.update(plain_text("\n".join(summary_text(summary))))
