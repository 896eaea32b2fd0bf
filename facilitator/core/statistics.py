"""Attendance figures: totals per week, month or year, and the summary of a date range.

Every function takes Record values or, faster, rows shaped like `Record.to_dict()` — what
`Database.record_rows()` returns — so 100,000 stored records are added up without building
a Record for each.
"""

import calendar
import re
import statistics as stats
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import MappingProxyType

from dateutil.relativedelta import relativedelta

from facilitator.core.record import Record

PERIODS = ("week", "month", "year")
COUNTS = ("attendance", "newcomers", "visitors", "online", "shares", "share_seconds",
          "passes", "over_time")
_EMPTY: Mapping = MappingProxyType({})


def rows_of(items: Iterable[Record | Mapping]) -> list[Mapping]:
    """Rows from Record values or stored rows (rows pass through untouched)."""
    return [item.to_dict() if isinstance(item, Record) else item for item in items]


def select(rows: Iterable[Record | Mapping], meeting: str | None = None,
           start: date | None = None, end: date | None = None) -> list[Mapping]:
    """Rows of one meeting (any case) within an inclusive date range, oldest first."""
    key = meeting.strip().casefold() if meeting else None
    low = start.isoformat() if start else ""
    high = end.isoformat() if end else "9999-99-99"
    chosen = [row for row in rows_of(rows) if low <= row["date"] <= high
              and (key is None or row["meeting"].casefold() == key)]
    chosen.sort(key=lambda row: (row["date"], row["meeting"].casefold()))
    return chosen


def milestone_order(key: str) -> tuple:
    """Sort key for chip milestones: '24h' < '30d' < '6m' < '1y' < '2y', unknown keys last."""
    match = re.fullmatch(r"(\d+)\s*([hdwmy])", key.strip().lower())
    if not match:
        return (1, 0, key.casefold())
    days = int(match[1]) * {"h": 1 / 24, "d": 1, "w": 7, "m": 30.44, "y": 365.25}[match[2]]
    return (0, days, key.casefold())


@dataclass(frozen=True)
class Totals:
    """Counts added over some records: one period, one meeting or a whole range."""

    label: str = ""
    start: date | None = None
    end: date | None = None
    meetings: int = 0
    attendance: int = 0
    newcomers: int = 0
    visitors: int = 0
    online: int = 0
    shares: int = 0
    share_seconds: int = 0
    passes: int = 0
    over_time: int = 0
    chips: Mapping[str, int] = field(default_factory=lambda: _EMPTY)  # milestone -> chips given
    collection: Mapping[str, int] = field(default_factory=lambda: _EMPTY)  # currency -> cents

    @property
    def average_attendance(self) -> float | None:
        return self.attendance / self.meetings if self.meetings else None

    @property
    def average_newcomers(self) -> float | None:
        return self.newcomers / self.meetings if self.meetings else None

    @property
    def chips_total(self) -> int:
        return sum(self.chips.values())

    @property
    def collection_per_attendee(self) -> dict[str, float]:
        """Cents per person counted, for each currency collected."""
        if not self.attendance:
            return {}
        return {currency: cents / self.attendance for currency, cents in self.collection.items()}


class _Tally:
    """Adds rows (or Totals) up; the one mutable helper behind every Totals."""

    __slots__ = ("counts", "chips", "collection")

    def __init__(self) -> None:
        self.counts = [0] * (len(COUNTS) + 1)  # meetings, then COUNTS in order
        self.chips: dict[str, int] = {}
        self.collection: dict[str, int] = {}

    def add_row(self, row: Mapping) -> None:
        counts = self.counts
        counts[0] += 1
        get = row.get
        for index, name in enumerate(COUNTS, 1):
            counts[index] += get(name) or 0
        if chips := get("chips"):
            for key, number in chips.items():
                self.chips[key] = self.chips.get(key, 0) + number
        if cents := get("collection"):
            currency = get("currency") or "USD"
            self.collection[currency] = self.collection.get(currency, 0) + cents

    def add_totals(self, totals: Totals) -> None:
        self.counts[0] += totals.meetings
        for index, name in enumerate(COUNTS, 1):
            self.counts[index] += getattr(totals, name)
        for key, number in totals.chips.items():
            self.chips[key] = self.chips.get(key, 0) + number
        for currency, cents in totals.collection.items():
            self.collection[currency] = self.collection.get(currency, 0) + cents

    def totals(self, label: str = "", start: date | None = None,
               end: date | None = None) -> Totals:
        chips = dict(sorted(self.chips.items(), key=lambda item: milestone_order(item[0])))
        return Totals(label, start, end, *self.counts, chips=MappingProxyType(chips),
                      collection=MappingProxyType(dict(sorted(self.collection.items()))))


def total(rows: Iterable[Record | Mapping], label: str = "", start: date | None = None,
          end: date | None = None) -> Totals:
    """All rows added into one Totals."""
    tally = _Tally()
    for row in rows_of(rows):
        tally.add_row(row)
    return tally.totals(label, start, end)


def combine(parts: Iterable[Totals], label: str = "", start: date | None = None,
            end: date | None = None) -> Totals:
    """Several Totals added together (e.g. several groups' reports)."""
    tally = _Tally()
    for part in parts:
        tally.add_totals(part)
    return tally.totals(label, start, end)


def by_meeting(rows: Iterable[Record | Mapping]) -> list[Totals]:
    """Totals per meeting (labelled with its name), in name order."""
    tallies: dict[str, tuple[str, _Tally]] = {}
    for row in rows_of(rows):
        key = row["meeting"].casefold()
        entry = tallies.get(key)
        if entry is None:
            entry = tallies[key] = (row["meeting"], _Tally())
        entry[1].add_row(row)
    return [tally.totals(name) for _, (name, tally) in sorted(tallies.items())]


def period_of(day: str | date, by: str) -> str:
    """The period a date falls in: '2024-W03' (ISO week), '2024-03' or '2024'."""
    text = day if isinstance(day, str) else day.isoformat()
    if by == "month":
        return text[:7]
    if by == "year":
        return text[:4]
    if by == "week":
        year, week, _ = date.fromisoformat(text).isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def period_bounds(period: str, by: str) -> tuple[date, date]:
    """First and last day of a period named by `period_of` (weeks start on Monday)."""
    if by == "week":
        year, week = period.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + timedelta(days=6)
    if by == "month":
        year, month = int(period[:4]), int(period[5:7])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if by == "year":
        return date(int(period), 1, 1), date(int(period), 12, 31)
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def group(rows: Iterable[Record | Mapping], by: str) -> list[Totals]:
    """Totals per week, month or year, oldest period first; periods with no records are left out."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    tallies: dict[str, _Tally] = {}
    # Many records share a date (several meetings a day), so a date is put in a period once.
    period_cache: dict[str, str] = {}
    for row in rows_of(rows):
        day = row["date"]
        period = period_cache.get(day)
        if period is None:
            period = period_cache[day] = period_of(day, by)
        tally = tallies.get(period)
        if tally is None:
            tally = tallies[period] = _Tally()
        tally.add_row(row)
    return [tallies[period].totals(period, *period_bounds(period, by))
            for period in sorted(tallies)]


def fill_gaps(groups: Sequence[Totals], by: str) -> list[Totals]:
    """The same groups with an empty Totals for each missing period between them (for charts)."""
    if not groups:
        return []
    present = {g.label: g for g in groups}
    step = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
            "year": relativedelta(years=1)}[by]
    filled = []
    day, last = groups[0].start, groups[-1].start
    while day <= last:
        period = period_of(day, by)
        filled.append(present.get(period) or Totals(period, *period_bounds(period, by)))
        day = day + step
    return filled


def year_before(start: date, end: date) -> tuple[date, date]:
    """The same dates one year earlier (29 February becomes the 28th)."""
    return start - relativedelta(years=1), end - relativedelta(years=1)


@dataclass(frozen=True)
class YearChange:
    """The same period one year before, and how the chosen range compares with it."""

    start: date
    end: date
    meetings: int
    attendance: int
    newcomers: int
    average_attendance: float | None
    average_change: float | None  # chosen average minus the earlier average
    average_change_percent: float | None
    newcomers_change: int


@dataclass(frozen=True)
class Summary:
    """The figures of a date range: what a secretary reads out at the business meeting."""

    totals: Totals
    median_attendance: float | None
    lowest_attendance: int | None
    highest_attendance: int | None
    by_weekday: Mapping[int, float]  # average attendance per weekday, Monday is 0
    year_before: YearChange | None = None

    @property
    def meetings(self) -> int:
        return self.totals.meetings

    @property
    def average_attendance(self) -> float | None:
        return self.totals.average_attendance


def summarize(rows: Sequence[Record | Mapping], start: date | None = None,
              end: date | None = None,
              previous: Sequence[Record | Mapping] | None = None) -> Summary:
    """Summary of `rows`; with the rows of the year before (`previous`), the change too.

    `start` and `end` name the range; when missing, the first and last record's dates.
    """
    rows = rows_of(rows)
    totals = total(rows)
    days = sorted({row["date"] for row in rows})
    start = start or (date.fromisoformat(days[0]) if days else None)
    end = end or (date.fromisoformat(days[-1]) if days else None)
    totals = replace(totals, start=start, end=end)
    counts = [row["attendance"] for row in rows]
    weekday_sums: dict[int, list[int]] = {}
    weekday_of = {day: date.fromisoformat(day).weekday() for day in days}
    for row in rows:
        pair = weekday_sums.setdefault(weekday_of[row["date"]], [0, 0])
        pair[0] += row["attendance"]
        pair[1] += 1
    by_weekday = MappingProxyType(
        {day: pair[0] / pair[1] for day, pair in sorted(weekday_sums.items())})
    change = None
    if previous is not None and start is not None and end is not None:
        change = _compare(totals, total(previous), *year_before(start, end))
    return Summary(
        totals=totals,
        median_attendance=float(stats.median(counts)) if counts else None,
        lowest_attendance=min(counts) if counts else None,
        highest_attendance=max(counts) if counts else None,
        by_weekday=by_weekday,
        year_before=change,
    )


def _compare(now: Totals, before: Totals, start: date, end: date) -> YearChange:
    change = percent = None
    if now.average_attendance is not None and before.average_attendance is not None:
        change = now.average_attendance - before.average_attendance
        percent = 100 * change / before.average_attendance if before.average_attendance else None
    return YearChange(
        start=start, end=end, meetings=before.meetings, attendance=before.attendance,
        newcomers=before.newcomers, average_attendance=before.average_attendance,
        average_change=change, average_change_percent=percent,
        newcomers_change=now.newcomers - before.newcomers,
    )
