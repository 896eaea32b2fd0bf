"""Strict parsing of dates typed by people.

ISO `YYYY-MM-DD` always works. Other forms are accepted only when they cannot be read two
ways: `03/04/2024` needs the group's day/month order, `13/04/2024` does not. Partial dates,
two-digit years, impossible dates and (unless allowed) future dates are refused with the
reason. Nothing is guessed: no fuzzy parsing.
"""

import calendar
import re
from datetime import date
from enum import Enum

from facilitator.core.errors import ValidationError


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

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d+)")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d+)")
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)")


def _month_number(name: str, field: str, text: str) -> int:
    try:
        return _MONTHS[name]
    except KeyError:
        raise ValidationError(field, f"{text!r}: {name!r} is not a month name") from None


def _year(raw: str, field: str) -> int:
    if len(raw) != 4:
        raise ValidationError(field, f"write the year with four digits (not {raw!r})")
    return int(raw)


# Nothing in a group's records is older than this, and every date a parser accepts must
# still work a year earlier (history compares with the same dates a year before).
EARLIEST_YEAR = 1900
LATEST_YEAR = 9998


def _build(year: int, month: int, day: int, field: str) -> date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(field, f"the year {year} is not from {EARLIEST_YEAR} to {LATEST_YEAR}")
    if not 1 <= month <= 12:
        raise ValidationError(field, f"there is no month {month}")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise ValidationError(
            field,
            f"{year:04d}-{month:02d}-{day:02d} does not exist: "
            f"{calendar.month_name[month]} {year} has {days_in_month} days",
        )
    return date(year, month, day)


def _numeric(first: int, second: int, year: int, order: DateOrder | None, field: str, text: str):
    if order is DateOrder.DAY_FIRST:
        return _build(year, second, first, field)
    if order is DateOrder.MONTH_FIRST:
        return _build(year, first, second, field)
    if first == second or first > 12 or second > 12 or 0 in (first, second):
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _build(year, month, day, field)
    raise ValidationError(
        field,
        f"{text!r} could be {first} {calendar.month_abbr[second]} or "
        f"{calendar.month_abbr[first]} {second}; type it as YYYY-MM-DD or set the date order "
        f"(day-first or month-first)",
    )


def _parse(text: str, order: DateOrder | None, field: str) -> date:
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise ValidationError(field, "a date is needed (YYYY-MM-DD)")
    if match := _ISO.fullmatch(cleaned):
        return _build(int(match[1]), int(match[2]), int(match[3]), field)
    if match := _NUMERIC.fullmatch(cleaned):
        year = _year(match[4], field)
        return _numeric(int(match[1]), int(match[3]), year, order, field, text.strip())
    if match := _DAY_MONTH_NAME.fullmatch(cleaned):
        month = _month_number(match[2], field, text.strip())
        return _build(_year(match[3], field), month, int(match[1]), field)
    if match := _MONTH_NAME_DAY.fullmatch(cleaned):
        month = _month_number(match[1], field, text.strip())
        return _build(_year(match[3], field), month, int(match[2]), field)
    shown = text.strip() if len(text.strip()) <= 30 else text.strip()[:30] + "…"
    raise ValidationError(
        field, f"{shown!r} is not a whole date; type day, month and year, e.g. 2024-03-14"
    )


def parse_date(
    text: str,
    *,
    today: date | None = None,
    order: DateOrder | str | None = None,
    field: str = "date",
    allow_future: bool = False,
) -> date:
    """Parse a date a person typed, strictly; raise ValidationError naming `field`."""
    if isinstance(order, str):
        order = DateOrder(order)
    parsed = _parse(text, order, field)
    if today is not None and not allow_future and parsed > today:
        raise ValidationError(field, f"{parsed.isoformat()} is in the future")
    return parsed


def describe_date(day: date) -> str:
    """Echo a date back in a form nobody can misread: 'Thu 14 Mar 2024 (2024-03-14)'."""
    return f"{day:%a} {day.day} {day:%b %Y} ({day.isoformat()})"
