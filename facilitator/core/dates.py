"""Strict parsing of dates typed by people.

ISO `YYYY-MM-DD` always works. Other forms are accepted only when they cannot be read two
ways: `03/04/2024` needs the group's day/month order, `13/04/2024` does not. Partial dates,
two-digit years, impossible dates and (unless allowed) future dates are refused with the
reason. Nothing is guessed: no fuzzy parsing. Month and weekday names are read in English and
in the language in use ("1 de diciembre de 2026", "miércoles 2 dic 2026"); a weekday that is
given must be the date's.
"""

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from dateutil.relativedelta import relativedelta

from facilitator.core.calendar_words import (day_month_year, fold, joining_words, month_name,
                                             month_numbers, two_readings, weekday_name,
                                             weekday_numbers)
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, locale, ngettext
from facilitator.core.text_out import echo

if TYPE_CHECKING:  # Babel loads where a locale is first needed (core/i18n.py)
    from babel import Locale


class DateOrder(str, Enum):
    """How the group writes numeric dates: 03/04 is 3 April (day first) or March 4."""

    DAY_FIRST = "dayfirst"
    MONTH_FIRST = "monthfirst"


# re.ASCII: `\d` is 0-9 only (not "٣" or "５"), `\s` and `[a-z]` ASCII too.
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d+)", re.ASCII)


@lru_cache(maxsize=8)
def _named_forms(where: "Locale") -> tuple[re.Pattern[str], ...]:
    """Dates with a month name, day first or month first, after an optional weekday; the
    locale's joining words may stand between the parts ("1 de dic. de 2026")."""
    word, digits = r"[^\W\d_]+", r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"  # ASCII digits only
    join = "".join(rf"(?:{re.escape(joining)}\s+)?" for joining in joining_words(where))
    weekday = rf"(?:(?P<weekday>{word})\.?,?\s+)?"
    year = rf"{join}(?P<year>[0-9]+)"
    return (re.compile(rf"{weekday}{digits}\s+{join}(?P<month>{word})\.?,?\s+{year}"),
            re.compile(rf"{weekday}(?P<month>{word})\.?\s+{digits},?\s+{year}"))


def _month_number(name: str, field: str, text: str) -> int:
    try:
        return month_numbers(locale())[fold(name)]
    except KeyError:
        raise ValidationError(field, _("{text}: {name} is not a month name").format(
            text=echo(text), name=echo(name, 16))) from None


def _check_weekday(name: str | None, day: date, field: str, text: str) -> date:
    """A weekday given with a date must be its own: 'Monday 1 December 2026' is refused."""
    if name is None:
        return day
    number = weekday_numbers(locale()).get(fold(name))
    if number is None:
        raise ValidationError(field, _("{text}: {name} is not a day of the week").format(
            text=echo(text), name=echo(name, 16)))
    if number != day.weekday():
        # Translators: {date} is YYYY-MM-DD, {weekday} the name of its day ("martes").
        raise ValidationError(field, _("{text}: {date} is a {weekday}").format(
            text=echo(text), date=day.isoformat(), weekday=weekday_name(day)))
    return day


def _year(raw: str, field: str) -> int:
    if len(raw) != 4:
        raise ValidationError(field, _("write the year with four digits (not {year})").format(
            year=echo(raw, 12)))
    return int(raw)


# The widest range any date field allows: nothing in a group's records is older, and every
# date a parser accepts must still work a year earlier and later (history compares with the
# same dates a year before). Each field narrows it, counted from today (see Limit).
EARLIEST = date(1900, 1, 1)
LATEST = date(9998, 12, 31)
FUTURE_YEARS = 100  # how far ahead a date that may be in the future can go


class Limit(NamedTuple):
    """One end of the dates a field allows, and what a date beyond it is said to be."""

    day: date
    # The sentence for a date beyond it, given that date: "2024-06-16 is in the future".
    beyond: Callable[[str], str]


def years_ago(today: date, years: int) -> Limit:
    """The earliest date of a field that reaches back `years` years from today."""
    return Limit(today - relativedelta(years=years), lambda shown: ngettext(
        "{date} is more than {years} year ago", "{date} is more than {years} years ago", years,
    ).format(date=shown, years=years))


def _build(year: int, month: int, day: int, field: str, earliest: Limit, latest: Limit) -> date:
    if not 1 <= month <= 12:
        raise ValidationError(field, _("there is no month {month}").format(month=month))
    days_in_month = calendar.mdays[month] + (month == 2 and calendar.isleap(year))
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= day <= days_in_month:
        # Translators: {month} is the month's name ("febrero"), {days} how many days it has.
        reason = _("{date} does not exist: {month} {year} has {days} days")
        raise ValidationError(field, reason.format(date=shown, month=month_name(month), year=year,
                                                   days=days_in_month))
    # Compared as numbers first: year 0 or 10000 cannot even be made into a date.
    if (year, month, day) < (earliest.day.year, earliest.day.month, earliest.day.day):
        raise ValidationError(field, earliest.beyond(shown))
    if (year, month, day) > (latest.day.year, latest.day.month, latest.day.day):
        raise ValidationError(field, latest.beyond(shown))
    return date(year, month, day)


class AmbiguousDate(ValidationError):
    """A numeric date that reads two ways and no date order to settle it."""


def _numeric(first: int, second: int, year: int, order: DateOrder | None, field: str, text: str,
             limits: tuple[Limit, Limit]):
    if order is DateOrder.DAY_FIRST:
        return _build(year, second, first, field, *limits)
    if order is DateOrder.MONTH_FIRST:
        return _build(year, first, second, field, *limits)
    if first == second or first > 12 or second > 12 or 0 in (first, second):
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _build(year, month, day, field, *limits)
    day_first, month_first = two_readings(first, second)
    # Translators: {day_first} and {month_first} are the two readings of 03/04 ("3 abr",
    # "4 mar"); YYYY-MM-DD is the form to type (year-month-day), which may be written AAAA-MM-DD.
    raise AmbiguousDate(field, _(
        "{text} could be {day_first} or {month_first}; type it as YYYY-MM-DD or set the date "
        "order (day-first or month-first)",
    ).format(text=repr(text), day_first=day_first, month_first=month_first))


def _parse(text: str, order: DateOrder | None, field: str, limits: tuple[Limit, Limit]) -> date:
    cleaned = " ".join(unicodedata.normalize("NFC", text).strip().lower().split())
    if not cleaned:
        raise ValidationError(field, _("a date is needed (YYYY-MM-DD)"))
    if match := _ISO.fullmatch(cleaned):
        return _build(int(match[1]), int(match[2]), int(match[3]), field, *limits)
    if match := _NUMERIC.fullmatch(cleaned):
        year = _year(match[4], field)
        return _numeric(int(match[1]), int(match[3]), year, order, field, text.strip(), limits)
    for form in _named_forms(locale()):
        if match := form.fullmatch(cleaned):
            month = _month_number(match["month"], field, text.strip())
            day = _build(_year(match["year"], field), month, int(match["day"]), field, *limits)
            return _check_weekday(match["weekday"], day, field, text.strip())
    raise ValidationError(field, _(
        "{text} is not a whole date; type day, month and year, e.g. 2024-03-14",
    ).format(text=echo(text.strip(), 32)))


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
        raise ValidationError(field, _("a date is needed (YYYY-MM-DD)"))
    if isinstance(order, str):
        order = DateOrder(order)
    if latest is None and today is not None:
        latest = (Limit(today + relativedelta(years=FUTURE_YEARS), lambda shown: ngettext(
            "{date} is more than {years} year from today",
            "{date} is more than {years} years from today", FUTURE_YEARS,
        ).format(date=shown, years=FUTURE_YEARS)) if allow_future else Limit(
            today, lambda shown: _("{date} is in the future").format(date=shown)))
    widest = (Limit(EARLIEST, lambda shown: _("{date} is before {earliest}").format(
                  date=shown, earliest=EARLIEST.isoformat())),
              Limit(LATEST, lambda shown: _("{date} is after {latest}").format(
                  date=shown, latest=LATEST.isoformat())))
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
    latest = Limit(sober + relativedelta(years=SOBER_YEARS), lambda shown: ngettext(
        "{date} is more than {years} year after the sober date {sober}",
        "{date} is more than {years} years after the sober date {sober}", SOBER_YEARS,
    ).format(date=shown, years=SOBER_YEARS, sober=sober.isoformat()))
    earliest = Limit(sober, lambda shown: _("{date} is before the sober date {sober}").format(
        date=shown, sober=sober.isoformat()))
    return parse_date(text, today=today, order=order, field=field, latest=latest,
                      earliest=earliest)


def describe_date(day: date) -> str:
    """Echo a date back in a form nobody can misread: 'Thu 14 Mar 2024 (2024-03-14)',
    'jue 14 mar 2024 (2024-03-14)'."""
    return f"{day_month_year(day)} ({day.isoformat()})"
