"""The calendar's words in the language in use: dates written for people, and the month and
weekday names `dates.parse_date` reads back.

English keeps the forms the app has always written ("Tue 01 Dec 2026"); other languages
write dates as their locale does (Babel): "mar 01 dic 2026", "martes, 1 de diciembre de 2026".
"""

import calendar
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from facilitator.core.i18n import language, locale

if TYPE_CHECKING:  # Babel loads where a locale is first needed (core/i18n.py)
    from babel import Locale


def _english() -> bool:
    return language() == "en"


def _dates():
    """Babel's dates, loaded with the first date written in another language than English
    (see i18n.number)."""
    from babel import dates

    return dates


def long_date(day: date) -> str:
    """The whole date, for headers: 'Tuesday 1 December 2026', 'martes, 1 de diciembre de 2026'."""
    if _english():
        return f"{day:%A} {day.day} {day:%B %Y}"
    return _dates().format_date(day, "full", locale=locale())


def short_date(day: date) -> str:
    """The date in a narrow place: 'Tue 01 Dec 2026', 'mar 01 dic 2026'."""
    if _english():
        return f"{day:%a %d %b %Y}"
    return _dates().format_date(day, "EEE dd MMM y", locale=locale())


def day_month_year(day: date) -> str:
    """The weekday, day, month and year, abbreviated: 'Thu 14 Mar 2024', 'jue 14 mar 2024'."""
    if _english():
        return f"{day:%a} {day.day} {day:%b %Y}"
    return _dates().format_date(day, "EEE d MMM y", locale=locale())


def weekday_abbr(day: date) -> str:
    """The weekday's short name: 'Thu', 'jue'."""
    return f"{day:%a}" if _english() else _dates().format_date(day, "EEE", locale=locale())


def weekday_abbrs() -> dict[int, str]:
    """Every weekday's short name, Monday 0: {0: 'Mon', …}, {0: 'lun', …}."""
    if _english():
        return dict(enumerate(calendar.day_abbr))
    return dict(_dates().get_day_names("abbreviated", locale=locale()))


def weekday_name(day: date) -> str:
    """The weekday's whole name: 'Thursday', 'jueves'."""
    return f"{day:%A}" if _english() else _dates().format_date(day, "EEEE", locale=locale())


def month_year(day: date) -> str:
    """The month and year: 'December 2026', 'diciembre de 2026'."""
    if _english():
        return f"{day:%B %Y}"
    return _dates().format_skeleton("yMMMM", day, locale=locale())


def month_name(month: int) -> str:
    """A month's whole name, standing alone: 'February', 'febrero'."""
    if _english():
        return calendar.month_name[month]
    return _dates().get_month_names("wide", "stand-alone", locale=locale())[month]


def month_abbr(month: int) -> str:
    """A month's short name: 'Feb', 'feb'."""
    if _english():
        return calendar.month_abbr[month]
    return _dates().get_month_names("abbreviated", "format", locale=locale())[month]


def two_readings(first: int, second: int) -> tuple[str, str]:
    """How 03/04 reads day first and month first: ('3 Apr', 'Mar 4'), ('3 abr', '4 mar')."""
    if _english():
        return f"{first} {month_abbr(second)}", f"{month_abbr(first)} {second}"
    # A leap year, so that 29/02 can be said too.
    return (_dates().format_skeleton("MMMd", date(2000, second, first), locale=locale()),
            _dates().format_skeleton("MMMd", date(2000, first, second), locale=locale()))


# Reading names back ------------------------------------------------------------------------

def fold(word: str) -> str:
    """A word as it is looked up: lower case, accents off, no final dot ('Miér.' -> 'mier')."""
    decomposed = unicodedata.normalize("NFD", word.lower().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# English is read in every language, as it always was; "sept" is how many write September.
_ENGLISH_MONTHS = {fold(name): number for number in range(1, 13)
                   for name in (calendar.month_name[number], calendar.month_abbr[number])}
_ENGLISH_MONTHS["sept"] = 9
_ENGLISH_WEEKDAYS = {fold(name): number for number in range(7)
                     for name in (calendar.day_name[number], calendar.day_abbr[number])}


def _with_names(names: dict[str, int], babel_names, where: "Locale") -> dict[str, int]:
    """`names` and every width and context of the locale's names from `babel_names`, folded."""
    names = dict(names)
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names.update((fold(name), number) for number, name
                         in babel_names(width, context, locale=where).items())
    return names


@lru_cache(maxsize=8)
def month_numbers(where: "Locale") -> dict[str, int]:
    """Every name of a month, English and the locale's, folded: {'dic': 12, 'diciembre': 12…}."""
    return _with_names(_ENGLISH_MONTHS, _dates().get_month_names, where)


@lru_cache(maxsize=8)
def weekday_numbers(where: "Locale") -> dict[str, int]:
    """Every name of a weekday (Monday is 0), English and the locale's, folded."""
    return _with_names(_ENGLISH_WEEKDAYS, _dates().get_day_names, where)


@lru_cache(maxsize=8)
def joining_words(where: "Locale") -> tuple[str, ...]:
    """The words the locale's date patterns put between day, month and year ('de' in Spanish)."""
    words = set()
    for width in ("full", "long", "medium", "short"):
        for literal in re.findall(r"'([^']+)'", where.date_formats[width].pattern):
            words.update(fold(word) for word in literal.split() if word.isalpha())
    return tuple(sorted(words))
