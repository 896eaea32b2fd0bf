"""The summary figures of the chosen range, in a few lines beside the trend."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.core import i18n
from facilitator.core.calendar_words import weekday_abbrs
from facilitator.core.i18n import _, counted, decimal_mark, ngettext
from facilitator.core.money import format_cents
from facilitator.core.records.report_tables import chips_text, money, number
from facilitator.core.records.statistics import Summary
from facilitator.tui.plain_text import plain_text


def summary_text(summary: Summary) -> list[str]:
    """Meetings, attendance figures, other counts, money, weekdays and the year before."""
    totals = summary.totals
    lines = [
        " · ".join([counted("{n} meeting held", "{n} meetings held", totals.meetings),
                    counted("{n} attending", "{n} attending", totals.attendance),
                    counted("{n} newcomer", "{n} newcomers", totals.newcomers)]),
        _("Average {average} · median {median} · lowest {lowest} · highest {highest}").format(
            average=number(totals.average_attendance), median=number(summary.median_attendance),
            lowest=summary.lowest_attendance, highest=summary.highest_attendance),
        _("Visitors {visitors} · online {online} · shares {shares}").format(
            visitors=i18n.number(totals.visitors), online=i18n.number(totals.online),
            shares=i18n.number(totals.shares)),
        _("Chips given {n}: {chips}").format(n=i18n.number(totals.chips_total),
                                             chips=chips_text(totals.chips)) if totals.chips
        else _("Chips given {n}").format(n=i18n.number(totals.chips_total)),
    ]
    per_attendee = totals.collection_per_attendee
    if per_attendee:
        each = " + ".join(format_cents(round(cents), currency)
                          for currency, cents in per_attendee.items())
        lines.append(_("Collection {money} · per attendee {each}").format(
            money=money(totals.collection), each=each))
    else:
        lines.append(_("Collection {money}").format(money=money(totals.collection)))
    if summary.by_weekday:
        days = weekday_abbrs()
        lines.append(_("Average by weekday: {days}").format(days=" · ".join(
            f"{days[day]} {decimal_mark(f'{value:.1f}')}" for day, value in summary.by_weekday.items())))
    change = summary.year_before
    if change is not None:
        start, end = change.start.isoformat(), change.end.isoformat()
        if change.average_change is None:
            lines.append(_("A year before ({start} to {end}): no records").format(start=start,
                                                                                  end=end))
        else:
            percent = ("" if change.average_change_percent is None
                       else f" ({decimal_mark(f'{change.average_change_percent:+.1f}')}%)")
            lines.append(ngettext(
                "A year before ({start} to {end}): {n} meeting, average {average}; "
                "change {change}{percent}, newcomers {newcomers}",
                "A year before ({start} to {end}): {n} meetings, average {average}; "
                "change {change}{percent}, newcomers {newcomers}", change.meetings).format(
                start=start, end=end, n=i18n.number(change.meetings),
                average=number(change.average_attendance),
                change=decimal_mark(f"{change.average_change:+.1f}"), percent=percent,
                newcomers=f"{change.newcomers_change:+d}"))
    return lines


class HistorySummary(VerticalScroll):
    """Summary figures (scrolled in a small terminal); a short message when none match."""

    def compose(self) -> ComposeResult:
        yield Static(id="summary-text")

    def show(self, summary: Summary | None, message: str = "") -> None:
        text = self.query_one("#summary-text", Static)
        if summary is None:
            self.border_title = _("Summary")
            text.update(plain_text(message))
            return
        totals = summary.totals
        self.border_title = plain_text(_("Summary · {start} to {end}").format(
            start=totals.start.isoformat(), end=totals.end.isoformat()))
        text.update(plain_text("\n".join(summary_text(summary))))
