"""Attendance figures: totals per week, month or year, and the summary of a date range.

Every function takes `Records` (or any Record values) and adds up whole columns with
built-ins, so 100,000 records are chosen and added up without a Record made for each.
"""

import calendar
import re
import statistics as stats
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import chain, compress, groupby, repeat
from operator import eq, itemgetter, methodcaller
from types import MappingProxyType

from dateutil.relativedelta import relativedelta

from facilitator.core.records.record import Record
from facilitator.core.records.records import Records

PERIODS = ("week", "month", "year")
COUNTS = ("attendance", "newcomers", "visitors", "online", "shares", "share_seconds",
          "passes", "over_time")
_EMPTY: Mapping = MappingProxyType({})
_ITEMS = methodcaller("items")


def select(records: Iterable[Record], meeting: str | None = None,
           start: date | None = None, end: date | None = None) -> Records:
    """Records of one meeting (any case) within an inclusive date range, in the order given
    (adding up needs no order: `oldest_first` sorts the ones to be listed)."""
    records = Records.of(records)
    names, days = records.column("meeting"), records.column("date")
    chosen: Sequence[int] = range(len(records))
    if start or end:
        low, high = start or date.min, end or date.max
        inside = {day for day in set(days) if low <= day <= high}
        chosen = list(compress(chosen, map(inside.__contains__, days)))
    if meeting:
        key = meeting.strip().casefold()
        wanted = {name for name in set(names) if name.casefold() == key}
        chosen = list(compress(chosen, map(wanted.__contains__, map(names.__getitem__, chosen))))
    return records.take(chosen)


def oldest_first(records: Iterable[Record]) -> Records:
    """The records ordered by date, then by meeting name."""
    return Records.of(records).oldest_first()


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
    def chips_total(self) -> int:
        return sum(self.chips.values())

    @property
    def collection_per_attendee(self) -> dict[str, float]:
        """Cents per person counted, for each currency collected."""
        if not self.attendance:
            return {}
        return {currency: cents / self.attendance for currency, cents in self.collection.items()}


def _add_counts(target: dict[str, int], counts: Mapping[str, int]) -> None:
    for key, number in counts.items():
        target[key] = target.get(key, 0) + number


def _finish(label: str, start: date | None, end: date | None, meetings: int,
            counts: Sequence[int], chips: dict, collection: dict) -> Totals:
    chips = dict(sorted(chips.items(), key=lambda item: milestone_order(item[0])))
    return Totals(label, start, end, meetings, *counts, chips=MappingProxyType(chips),
                  collection=MappingProxyType(dict(sorted(collection.items()))))


def total(records: Iterable[Record], label: str = "", start: date | None = None,
          end: date | None = None) -> Totals:
    """All records added into one Totals."""
    return _total_of(Records.of(records).column, label, start, end)


def _total_of(column: Callable[[str], Sequence], label: str = "", start: date | None = None,
              end: date | None = None) -> Totals:
    """The records whose values `column(name)` gives, added into one Totals."""
    chips: dict[str, int] = {}
    # A group hands out the same few sets of chips again and again: each distinct set is
    # added once, times how often it came (in the order first seen, as one by one).
    for items, times in Counter(map(tuple, map(_ITEMS, filter(None, column("chips"))))).items():
        for key, number in items:
            chips[key] = chips.get(key, 0) + number * times
    currencies, cents = column("currency"), column("collection")
    used = set(currencies)
    if len(used) == 1:  # the usual case: one sum
        collection = {used.pop(): sum(cents)}
    else:  # never added together: one sum per currency
        collection = {currency: sum(compress(cents, map(eq, currencies, repeat(currency))))
                      for currency in used}
    collection = {currency: amount for currency, amount in collection.items() if amount}
    counts = [sum(column(name)) for name in COUNTS]
    return _finish(label, start, end, len(currencies), counts, chips, collection)


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


def by_meeting(records: Iterable[Record]) -> list[Totals]:
    """Totals per meeting (labelled with its name), in name order."""
    records = Records.of(records)
    buckets: dict[str, list[int]] = {}
    for position, name in enumerate(records.column("meeting")):
        buckets.setdefault(name.casefold(), []).append(position)
    return [total(records.take(bucket), records.column("meeting")[bucket[0]])
            for _, bucket in sorted(buckets.items())]


def period_of(day: date, by: str) -> str:
    """The period a date falls in: '2024-W03' (ISO week), '2024-03' or '2024'."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "year":
        return f"{day.year:04d}"
    if by == "week":
        year, week, _ = day.isocalendar()
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


def group(records: Iterable[Record], by: str) -> list[Totals]:
    """Totals per week, month or year, oldest period first; periods with no records are left out."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    records = Records.of(records)
    days = records.column("date")
    period_of_day = {day: period_of(day, by) for day in set(days)}
    periods = list(map(period_of_day.__getitem__, days))
    buckets: dict[str, list[int]] = {}
    # A loop per run of records in one period, not per record: they mostly come in date
    # order.
    for period, run in groupby(range(len(periods)), periods.__getitem__):
        buckets.setdefault(period, []).extend(run)
    return [_total_of(_at(records, buckets[period]), period, *period_bounds(period, by))
            for period in sorted(buckets)]


def _at(records: Records, positions: list[int]) -> Callable[[str], Sequence]:
    """A field's values at `positions` (increasing): a slice when they follow each other."""
    first, last = positions[0], positions[-1]
    if last - first + 1 == len(positions):
        return lambda name: records.column(name)[first:last + 1]
    pick = itemgetter(*positions)  # made once for every field: one C loop per column
    return lambda name: pick(records.column(name))


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


def summarize(records: Iterable[Record], start: date | None = None,
              end: date | None = None, previous: Iterable[Record] | None = None, *,
              totals: Totals | None = None) -> Summary:
    """Summary of `records`; with the records of the year before (`previous`), the change.

    `start` and `end` name the range; when missing, the first and last record's dates.
    `totals` saves adding the records up again when the caller has (e.g. `combine(groups)`).
    """
    records = Records.of(records)
    totals = totals or total(records)
    days, counts = records.column("date"), records.column("attendance")
    weekday_of = {day: day.weekday() for day in set(days)}
    weekdays = list(map(weekday_of.__getitem__, days))
    # One pass: how often each (weekday, attendance) pair came, then a few products each.
    held, attended = Counter(weekdays), Counter()
    for (weekday, count), times in Counter(zip(weekdays, counts)).items():
        attended[weekday] += count * times
    by_weekday = {weekday: attended[weekday] / held[weekday] for weekday in sorted(held)}
    start = start or (min(days) if days else None)
    end = end or (max(days) if days else None)
    totals = replace(totals, start=start, end=end)
    change = None
    if previous is not None and start is not None and end is not None:
        change = _compare(totals, total(previous), *year_before(start, end))
    return Summary(
        totals=totals,
        median_attendance=float(stats.median(counts)) if counts else None,
        lowest_attendance=min(counts) if counts else None,
        highest_attendance=max(counts) if counts else None,
        by_weekday=MappingProxyType(by_weekday),
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
