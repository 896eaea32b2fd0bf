"""Calendar arithmetic from a sober date, the way chips and keytags are counted.

Dates are the sober date plus relativedelta(months=N), computed from the sober date itself,
never by chaining steps. Month ends clamp (Jan 31 + 1 month = Feb 28 or 29); Feb 29 + 1 year
is Feb 28, or Mar 1 when the group's `leap_day` setting is "mar1".
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, counted, pgettext


@lru_cache(maxsize=2048)
def _months_step(months: int) -> relativedelta:
    return relativedelta(months=months)


@lru_cache(maxsize=4096)  # a meeting's ladder asks for the same few dates again and again
def add_months(sober: date, months: int, leap_day: str = "feb28") -> date:
    """The sober date plus `months` calendar months (relativedelta clamps month ends)."""
    result = sober + _months_step(months)
    if leap_day == "mar1" and sober.month == 2 and sober.day == 29 and result.day == 28:
        # Feb 29 clamped into a common year: this group celebrates on Mar 1 instead.
        result += timedelta(days=1)
    return result


def whole_months(sober: date, on: date, leap_day: str = "feb28") -> int:
    """Whole calendar months from `sober` to `on`, counted the way milestones are."""
    months = (on.year - sober.year) * 12 + on.month - sober.month
    while months > 0 and add_months(sober, months, leap_day) > on:
        months -= 1
    return max(months, 0)


_COMMON_MONTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_LEAP_MONTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SHORTEST = tuple(min(sum(_COMMON_MONTHS[(s + i) % 12] for i in range(r)) for s in range(12))
                  for r in range(12))
_LONGEST = tuple(max(sum(_LEAP_MONTHS[(s + i) % 12] for i in range(r)) for s in range(12))
                 for r in range(12))


def month_span_days(months: int) -> tuple[int, int]:
    """The fewest and the most days that `months` calendar months can span, from any date."""
    years, rest = divmod(months, 12)
    # A date on the 29th to 31st clamps into a shorter month: up to 3 days sooner.
    return 365 * years + _SHORTEST[rest] - 3, 366 * years + _LONGEST[rest]


@dataclass(frozen=True)
class TimeSober:
    """Time from the sober date: calendar years, months and days, and total days."""

    years: int
    months: int
    days: int
    total_days: int

    def describe(self) -> str:
        """'1 year, 8 months, 14 days'; parts that are zero are left out ('0 days' stays)."""
        shown = [counted("{n} year", "{n} years", self.years) if self.years else "",
                 counted("{n} month", "{n} months", self.months) if self.months else "",
                 counted("{n} day", "{n} days", self.days) if self.days else ""]
        return ", ".join(part for part in shown if part) or counted("{n} day", "{n} days", 0)


def time_sober(sober: date, on: date, leap_day: str = "feb28") -> TimeSober:
    """Years, months and days from `sober` to `on`, as milestones count them.

    With the default leap-day rule this is exactly relativedelta(on, sober); with "mar1" a
    Feb 29 sober date completes its year on Mar 1 in common years.
    """
    if on < sober:
        raise ValidationError(
            pgettext("field", "on"), _("{on} is before the sober date {sober}").format(
                on=on.isoformat(), sober=sober.isoformat())
        )
    months = whole_months(sober, on, leap_day)
    days = (on - add_months(sober, months, leap_day)).days
    return TimeSober(months // 12, months % 12, days, (on - sober).days)
