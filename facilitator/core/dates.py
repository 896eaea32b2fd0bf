"""Strict parsing of dates typed by people.

ISO `YYYY-MM-DD` always works. Other forms are accepted only when they cannot be read two
ways: `03/04/2024` needs the group's day/month order, `13/04/2024` does not. Partial dates,
two-digit years, impossible dates and (unless allowed) future dates are refused with the
reason. Nothing is guessed: no fuzzy parsing.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from dateutil.relativedelta import relativedelta

from facilitator.core.errors import ValidationError
from facilitator.core.text_out import echo


class DateOrder(str, Enum):
    """How the group writes numeric dates: 03/04 is 3 April (day first) or March 4."""

    DAY_FIRST = "dayfirst"
    MONTH_FIRST = "monthfirst"


_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9

# re.ASCII: `\d` is 0-9 only (not "٣" or "５"), `\s` and `[a-z]` ASCII too.
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d+)", re.ASCII)
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d+)", re.ASCII)
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)", re.ASCII)


def _month_number(name: str, field: str, text: str) -> int:
    try:
        return _MONTHS[name]
    except KeyError:
        raise ValidationError(field, f"{echo(text)}: {echo(name, 16)} is not a month name") \
            from None


def _year(raw: str, field: str) -> int:
    if len(raw) != 4:
        raise ValidationError(field, f"write the year with four digits (not {echo(raw, 12)})")
    return int(raw)


# The widest range any date field allows: nothing in a group's records is older, and every
# date a parser accepts must still work a year earlier and later (history compares with the
# same dates a year before). Each field narrows it, counted from today (see Limit).
EARLIEST = date(1900, 1, 1)
LATEST = date(9998, 12, 31)
FUTURE_YEARS = 100  # how far ahead a date that may be in the future can go


@dataclass(frozen=True)
class Limit:
    """One end of the dates a field allows, and what a date beyond it is said to be."""

    day: date
    beyond: str  # "is in the future", "is more than 100 years ago", …


def years_ago(today: date, years: int) -> Limit:
    """The earliest date of a field that reaches back `years` years from today."""
    return Limit(today - relativedelta(years=years), f"is more than {years} years ago")


def _build(year: int, month: int, day: int, field: str, earliest: Limit, latest: Limit) -> date:
    if not 1 <= month <= 12:
        raise ValidationError(field, f"there is no month {month}")
    days_in_month = calendar.mdays[month] + (month == 2 and calendar.isleap(year))
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= day <= days_in_month:
        raise ValidationError(
            field,
            f"{shown} does not exist: {calendar.month_name[month]} {year} has {days_in_month} days",
        )
    # Compared as numbers first: year 0 or 10000 cannot even be made into a date.
    if (year, month, day) < (earliest.day.year, earliest.day.month, earliest.day.day):
        raise ValidationError(field, f"{shown} {earliest.beyond}")
    if (year, month, day) > (latest.day.year, latest.day.month, latest.day.day):
        raise ValidationError(field, f"{shown} {latest.beyond}")
    return date(year, month, day)


def _numeric(first: int, second: int, year: int, order: DateOrder | None, field: str, text: str,
             limits: tuple[Limit, Limit]):
    if order is DateOrder.DAY_FIRST:
        return _build(year, second, first, field, *limits)
    if order is DateOrder.MONTH_FIRST:
        return _build(year, first, second, field, *limits)
    if first == second or first > 12 or second > 12 or 0 in (first, second):
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _build(year, month, day, field, *limits)
    raise ValidationError(
        field,
        f"{text!r} could be {first} {calendar.month_abbr[second]} or "
        f"{calendar.month_abbr[first]} {second}; type it as YYYY-MM-DD or set the date order "
        f"(day-first or month-first)",
    )


def _parse(text: str, order: DateOrder | None, field: str, limits: tuple[Limit, Limit]) -> date:
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise ValidationError(field, "a date is needed (YYYY-MM-DD)")
    if match := _ISO.fullmatch(cleaned):
        return _build(int(match[1]), int(match[2]), int(match[3]), field, *limits)
    if match := _NUMERIC.fullmatch(cleaned):
        year = _year(match[4], field)
        return _numeric(int(match[1]), int(match[3]), year, order, field, text.strip(), limits)
    if match := _DAY_MONTH_NAME.fullmatch(cleaned):
        month = _month_number(match[2], field, text.strip())
        return _build(_year(match[3], field), month, int(match[1]), field, *limits)
    if match := _MONTH_NAME_DAY.fullmatch(cleaned):
        month = _month_number(match[1], field, text.strip())
        return _build(_year(match[3], field), month, int(match[2]), field, *limits)
    raise ValidationError(
        field, f"{echo(text.strip(), 32)} is not a whole date; type day, month and year, "
               "e.g. 2024-03-14"
    )


def parse_date(
    text: str,
    *,
    today: date | None = None,
    order: DateOrder | str | None = None,
    field: str = "date",
    allow_future: bool = False,
    earliest: Limit | None = None,
    latest: Limit | None = None,
) -> date:
    """Parse a date a person typed, strictly; raise ValidationError naming `field`.

    The date must fall from `earliest` (default 1900-01-01) to `latest` (default today, or
    FUTURE_YEARS ahead with `allow_future`; without `today`, the widest range).
    """
    if not isinstance(text, str):
        raise ValidationError(field, "a date is needed (YYYY-MM-DD)")
    if isinstance(order, str):
        order = DateOrder(order)
    if latest is None and today is not None:
        latest = (Limit(today + relativedelta(years=FUTURE_YEARS),
                        f"is more than {FUTURE_YEARS} years from today")
                  if allow_future else Limit(today, "is in the future"))
    widest = (Limit(EARLIEST, f"is before {EARLIEST.isoformat()}"),
              Limit(LATEST, f"is after {LATEST.isoformat()}"))
    limits = (earliest if earliest and earliest.day > EARLIEST else widest[0],
              latest if latest and latest.day < LATEST else widest[1])
    return _parse(text, order, field, limits)


SOBER_YEARS = 100  # the milestones go up to 100 years


def parse_sober_date(text: str, *, today: date, order: DateOrder | str | None = None,
                     field: str = "sober date") -> date:
    """A sober date: not in the future, and no more than SOBER_YEARS years ago."""
    return parse_date(text, today=today, order=order, field=field,
                      earliest=years_ago(today, SOBER_YEARS))


def parse_counted_on(text: str, *, sober: date, today: date,
                     order: DateOrder | str | None = None, field: str = "on") -> date:
    """The day time sober is counted up to: from the sober date to SOBER_YEARS after it."""
    latest = Limit(sober + relativedelta(years=SOBER_YEARS),
                   f"is more than {SOBER_YEARS} years after the sober date {sober.isoformat()}")
    return parse_date(text, today=today, order=order, field=field, latest=latest,
                      earliest=Limit(sober, f"is before the sober date {sober.isoformat()}"))


def describe_date(day: date) -> str:
    """Echo a date back in a form nobody can misread: 'Thu 14 Mar 2024 (2024-03-14)'."""
    return f"{day:%a} {day.day} {day:%b %Y} ({day.isoformat()})"
