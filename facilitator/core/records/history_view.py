"""What the history screen shows for a chosen meeting, date range and grouping.

Everything here works on `Records` (see `statistics`), so 100,000 records are chosen,
added up and charted through whole columns.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from facilitator.core.dates import parse_date
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.records.records import NO_RECORDS, Records
from facilitator.core.records.statistics import (PERIODS, Summary, Totals, combine, fill_gaps, group,
                                         oldest_first, select, summarize, year_before)

TREND_WEEKS_UP_TO_DAYS = 2 * 366  # a longer range is charted per month: weeks get too many


@dataclass(frozen=True)
class HistoryChoice:
    """The filters and the grouping the secretary picked."""

    meeting: str | None = None
    start: date | None = None
    end: date | None = None
    by: str | None = None  # None lists each occurrence; else week, month or year

    def __post_init__(self) -> None:
        if self.by is not None and self.by not in PERIODS:
            raise ValidationError(N_("group"), _("{name} is not one of {names}").format(
                name=repr(self.by), names=", ".join(PERIODS)))


def parse_range(start_text: str, end_text: str, *, order: str | None,
                today: date) -> tuple[date | None, date | None]:
    """The typed from/to dates (blank means open); a bad one raises naming its field."""
    start = end = None
    if start_text.strip():
        start = parse_date(start_text, today=today, order=order, field=N_("from"))
    if end_text.strip():
        end = parse_date(end_text, today=today, order=order, field=N_("to"), allow_future=True)
    if start and end and end < start:
        raise ValidationError(N_("to"), _("{end} is before from {start}").format(
            end=end.isoformat(), start=start.isoformat()))
    return start, end


@dataclass(frozen=True)
class Trend:
    """Attendance and newcomers per period, oldest first, with empty periods kept."""

    by: str
    periods: Sequence[Totals] = ()

    @property
    def attendance(self) -> list[int]:
        return [period.attendance for period in self.periods]

    @property
    def newcomers(self) -> list[int]:
        return [period.newcomers for period in self.periods]


@dataclass(frozen=True)
class HistoryView:
    """The chosen records (newest first), the periods, the summary and the trend."""

    choice: HistoryChoice
    rows: Records = field(default_factory=lambda: NO_RECORDS)
    groups: Sequence[Totals] = ()  # newest first; empty when each occurrence is listed
    summary: Summary | None = None
    trend: Trend = field(default_factory=lambda: Trend("week"))
    stored: int = 0  # records in the whole database
    mixed_currencies: bool = False

    @property
    def lines(self) -> Sequence:
        """What the table lists: periods when grouped, else occurrences."""
        return self.groups if self.choice.by else self.rows


def trend_period(by: str | None, first: date, last: date) -> str:
    """Weeks or months: the grouping when it is one of those, else what suits the range."""
    if by in ("week", "month"):
        return by
    return "week" if (last - first).days <= TREND_WEEKS_UP_TO_DAYS else "month"


def build_view(stored: Records, choice: HistoryChoice, today: date) -> HistoryView:
    """Choose, group and add up the records as the command line's `history` does."""
    chosen = select(stored, choice.meeting, choice.start, choice.end)
    if choice.by is None:  # listed one by one
        chosen = oldest_first(chosen)
    if not chosen:
        return HistoryView(choice, stored=len(stored))
    end = choice.end
    if choice.start and end is None:
        end = max(today, choice.start)
    previous = (select(stored, choice.meeting, *year_before(choice.start, end))
                if choice.start else None)
    first = choice.start or min(chosen.column("date"))
    last = end or max(chosen.column("date"))
    trend_by = trend_period(choice.by, first, last)
    per_trend = group(chosen, trend_by)
    if choice.by is None:
        groups = []
    else:
        groups = per_trend if choice.by == trend_by else group(chosen, choice.by)
    # The summary's totals are the trend's periods added up: the rows are not added twice.
    summary = summarize(chosen, choice.start, end, previous, totals=combine(per_trend))
    currencies = set(chosen.column("currency"))
    return HistoryView(
        choice=choice,
        rows=chosen[::-1],
        groups=groups[::-1],
        summary=summary,
        trend=Trend(trend_by, fill_gaps(per_trend, trend_by)),
        stored=len(stored),
        mixed_currencies=len(currencies) > 1,
    )
