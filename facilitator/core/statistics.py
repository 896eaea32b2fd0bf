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
from itertools import groupby
from operator import itemgetter
from types import MappingProxyType

from dateutil.relativedelta import relativedelta

from facilitator.core.record import Record

PERIODS = ("week", "month", "year")
COUNTS = ("attendance", "newcomers", "visitors", "online", "shares", "share_seconds",
          "passes", "over_time")
_EMPTY: Mapping = MappingProxyType({})
_BY_DATE, _BY_MEETING = itemgetter("date"), itemgetter("meeting")
_BY_ATTENDANCE = itemgetter("attendance")


def rows_of(items: Iterable[Record | Mapping]) -> list[Mapping]:
    """Rows from Record values or stored rows (rows pass through untouched)."""
    return [item.to_dict() if isinstance(item, Record) else item for item in items]


def select(rows: Iterable[Record | Mapping], meeting: str | None = None,
           start: date | None = None, end: date | None = None) -> list[Mapping]:
    """Rows of one meeting (any case) within an inclusive date range, oldest first."""
    key = meeting.strip().casefold() if meeting else None
    low = start.isoformat() if start else ""
    high = end.isoformat() if end else "9999-99-99"
    chosen = rows_of(rows)
    if start or end:
        chosen = [row for row in chosen if low <= row["date"] <= high]
    if key is not None:
        chosen = [row for row in chosen if row["meeting"].casefold() == key]
    # Sorting by date alone is quick on rows stored in date order; ties are rare and small.
    chosen.sort(key=_BY_DATE)
    ordered: list[Mapping] = []
    for _, same_day in groupby(chosen, _BY_DATE):
        ordered.extend(sorted(same_day, key=_BY_MEETING))
    return ordered


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


def _column(rows: Sequence[Mapping], name: str) -> int:
    """The sum of one count over all rows, at C speed when every row has it."""
    try:
        return sum(map(itemgetter(name), rows))
    except (KeyError, TypeError):  # a row stored before the field existed
        return sum(row.get(name) or 0 for row in rows)


def _pluck(rows: Sequence[Mapping], name: str) -> list:
    """One field of every row (None where an older row lacks it)."""
    try:
        return list(map(itemgetter(name), rows))
    except KeyError:
        return [row.get(name) for row in rows]


def _add_counts(target: dict[str, int], counts: Mapping[str, int]) -> None:
    for key, number in counts.items():
        target[key] = target.get(key, 0) + number


def _finish(label: str, start: date | None, end: date | None, meetings: int,
            counts: Sequence[int], chips: dict, collection: dict) -> Totals:
    chips = dict(sorted(chips.items(), key=lambda item: milestone_order(item[0])))
    return Totals(label, start, end, meetings, *counts, chips=MappingProxyType(chips),
                  collection=MappingProxyType(dict(sorted(collection.items()))))


def total(rows: Iterable[Record | Mapping], label: str = "", start: date | None = None,
          end: date | None = None) -> Totals:
    """All rows added into one Totals."""
    return _total(rows_of(rows), label, start, end)


def _total(rows: list[Mapping], label: str = "", start: date | None = None,
           end: date | None = None) -> Totals:
    chips: dict[str, int] = {}
    for row_chips in filter(None, _pluck(rows, "chips")):
        for key, number in row_chips.items():
            chips[key] = chips.get(key, 0) + number
    currencies = set(_pluck(rows, "currency"))
    collection: dict[str, int] = {}
    if len(currencies) == 1:
        collection[currencies.pop() or "USD"] = _column(rows, "collection")
    else:
        for row in rows:
            currency = row.get("currency") or "USD"
            collection[currency] = collection.get(currency, 0) + (row.get("collection") or 0)
    collection = {currency: cents for currency, cents in collection.items() if cents}
    counts = [_column(rows, name) for name in COUNTS]
    return _finish(label, start, end, len(rows), counts, chips, collection)


def combine(parts: Iterable[Totals], label: str = "", start: date | None = None,
            end: date | None = None) -> Totals:
    """Several Totals added together (e.g. several groups' reports)."""
    parts = list(parts)
    chips: dict[str, int] = {}
    collection: dict[str, int] = {}
    for part in parts:
        _add_counts(chips, part.chips)
        _add_counts(collection, part.collection)
    counts = [sum(getattr(part, name) for part in parts) for name in COUNTS]
    return _finish(label, start, end, sum(part.meetings for part in parts), counts, chips,
                   collection)


def by_meeting(rows: Iterable[Record | Mapping]) -> list[Totals]:
    """Totals per meeting (labelled with its name), in name order."""
    buckets: dict[str, list[Mapping]] = {}
    for row in rows_of(rows):
        buckets.setdefault(row["meeting"].casefold(), []).append(row)
    return [_total(bucket, bucket[0]["meeting"]) for _, bucket in sorted(buckets.items())]


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
    buckets: dict[str, list[Mapping]] = {}
    # A loop per date, not per record: several meetings share a date, and rows come in date
    # order, so groupby hands over each day's rows in one piece.
    for day, same_day in groupby(rows_of(rows), _BY_DATE):
        period = period_of(day, by)
        bucket = buckets.get(period)
        if bucket is None:
            bucket = buckets[period] = []
        bucket.extend(same_day)
    return [_total(buckets[period], period, *period_bounds(period, by))
            for period in sorted(buckets)]


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
              previous: Sequence[Record | Mapping] | None = None, *,
              totals: Totals | None = None) -> Summary:
    """Summary of `rows`; with the rows of the year before (`previous`), the change too.

    `start` and `end` name the range; when missing, the first and last record's dates.
    `totals` saves adding the rows up again when the caller has (e.g. `combine(groups)`).
    """
    rows = rows_of(rows)
    totals = totals or _total(rows)
    sums, held = [0] * 7, [0] * 7
    first = last = None
    for day, same_day in groupby(rows, _BY_DATE):
        weekday = date.fromisoformat(day).weekday()
        attendance = list(map(_BY_ATTENDANCE, same_day))
        sums[weekday] += sum(attendance)
        held[weekday] += len(attendance)
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
    start = start or (date.fromisoformat(first) if first else None)
    end = end or (date.fromisoformat(last) if last else None)
    totals = replace(totals, start=start, end=end)
    counts = list(map(_BY_ATTENDANCE, rows))
    by_weekday = MappingProxyType(
        {day: sums[day] / held[day] for day in range(7) if held[day]})
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
