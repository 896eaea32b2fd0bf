"""Dates in the language in use: written as its locale writes them, and read back in its words
(month and weekday names, with or without accents), while numeric dates keep the date order."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.calendar_words import (long_date, month_year, short_date, weekday_abbr,
                                             weekday_name)
from facilitator.core.dates import DateOrder, describe_date, parse_date
from facilitator.core.errors import ValidationError
from facilitator.store.language import apply_language

DAY, MONTH = DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST
FIRST_OF_DECEMBER = date(2026, 12, 1)  # a Tuesday

# (language, the function, the date, what it writes)
WRITTEN = [
    ("en", long_date, FIRST_OF_DECEMBER, "Tuesday 1 December 2026"),
    ("en", short_date, FIRST_OF_DECEMBER, "Tue 01 Dec 2026"),
    ("en", describe_date, date(2024, 3, 14), "Thu 14 Mar 2024 (2024-03-14)"),
    ("en", weekday_abbr, date(2024, 3, 14), "Thu"),
    ("en", weekday_name, date(2024, 3, 14), "Thursday"),
    ("en", month_year, FIRST_OF_DECEMBER, "December 2026"),
    ("es", long_date, FIRST_OF_DECEMBER, "martes, 1 de diciembre de 2026"),
    ("es", short_date, FIRST_OF_DECEMBER, "mar 01 dic 2026"),
    ("es", describe_date, date(2024, 3, 14), "jue 14 mar 2024 (2024-03-14)"),
    ("es", weekday_abbr, date(2024, 3, 14), "jue"),
    ("es", weekday_name, date(2024, 3, 16), "sábado"),
    ("es", month_year, FIRST_OF_DECEMBER, "diciembre de 2026"),
    ("es_MX", long_date, FIRST_OF_DECEMBER, "martes, 1 de diciembre de 2026"),
]


@pytest.mark.parametrize("language, write, day, shown", WRITTEN,
                         ids=[f"{row[0]}-{row[1].__name__}" for row in WRITTEN])
def test_each_language_writes_dates_as_its_locale_does(language, write, day, shown):
    apply_language(language)
    assert write(day) == shown


# (language, typed, date order, the date it means)
READ = [
    ("es", "1 de diciembre de 2026", None, FIRST_OF_DECEMBER),
    ("es", "1 dic 2026", None, FIRST_OF_DECEMBER),
    ("es", "1 de dic. de 2026", None, FIRST_OF_DECEMBER),
    ("es", "1 DIC. 2026", None, FIRST_OF_DECEMBER),
    ("es", "martes, 1 de diciembre de 2026", None, FIRST_OF_DECEMBER),
    ("es", "mar 01 dic 2026", None, FIRST_OF_DECEMBER),  # "mar": Tuesday before a day
    ("es", "1 mar 2026", None, date(2026, 3, 1)),  # and March after one
    ("es", "miércoles 2 de diciembre de 2026", None, date(2026, 12, 2)),
    ("es", "miercoles 2 de diciembre de 2026", None, date(2026, 12, 2)),
    ("es", "Mie\u0301rcoles 2 dic 2026", None, date(2026, 12, 2)),  # the accent as two points
    ("es", "sábado 5 sept 2026", None, date(2026, 9, 5)),
    ("es", "5 septiembre 2026", None, date(2026, 9, 5)),
    ("es", "1 December 2026", None, FIRST_OF_DECEMBER),  # English is read in every language
    ("es", "2026-12-01", None, FIRST_OF_DECEMBER),
    ("es", "01/12/2026", DAY, FIRST_OF_DECEMBER),
    ("es", "12/01/2026", MONTH, FIRST_OF_DECEMBER),
    ("es", "13/12/2026", None, date(2026, 12, 13)),
    ("en", "Tuesday 1 December 2026", None, FIRST_OF_DECEMBER),
    ("en", "Tue, Dec 1, 2026", None, FIRST_OF_DECEMBER),
    ("en", "tue 01 dec 2026", None, FIRST_OF_DECEMBER),
]


@pytest.mark.parametrize("language, typed, order, meant", READ)
def test_month_and_weekday_names_are_read_in_the_language(language, typed, order, meant):
    apply_language(language)
    assert parse_date(typed, order=order) == meant


# (language, typed, what the reason must contain): in Spanish only what is not words of a
# message (the catalog translates those), so the test holds before and after translation
REFUSED = [
    ("es", "03/04/2024", ("'03/04/2024'", "3 abr", "4 mar")),
    ("en", "03/04/2024", ("'03/04/2024' could be 3 Apr or Mar 4; type it as YYYY-MM-DD",)),
    ("es", "lunes, 1 de diciembre de 2026", ("'lunes, 1 de diciembre de 2026'", "2026-12-01",
                                             "martes")),
    ("en", "Monday 1 December 2026", ("2026-12-01 is a Tuesday",)),
    ("es", "1 foo 2026", ("'foo'",)),
    ("es", "foo 1 dic 2026", ("'foo'",)),
    ("es", "1 de 2026", ("'de'",)),
    ("es", "1 de de dic 2026", ("'1 de de dic 2026'", "2024-03-14")),
    ("en", "1 dic 2026", ("'dic' is not a month name",)),  # Spanish is read only in Spanish
    ("en", "1 de diciembre de 2026", ("is not a whole date",)),
    ("es", "31 de abril de 2026", ("2026-04-31", "abril", "30")),
    ("es", "1 dic 26", ("'26'",)),
    ("es", "１ dic 2026", ("'１ dic 2026'", "2024-03-14")),  # full-width digit
    ("es", "diciembre de 2026", ("'diciembre de 2026'", "2024-03-14")),
]


@pytest.mark.parametrize("language, typed, parts", REFUSED)
def test_refused_dates_say_why_in_any_language(language, typed, parts):
    apply_language(language)
    with pytest.raises(ValidationError) as caught:
        parse_date(typed, field="date")
    assert caught.value.field == "date"
    assert all(part in caught.value.reason for part in parts), caught.value.reason


@settings(max_examples=60)
@given(st.sampled_from(["en", "es", "es_MX"]),
       st.sampled_from([long_date, short_date, describe_date]),
       st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)))
def test_every_date_written_is_read_back_as_the_same_day(language, write, day):
    apply_language(language)
    written = write(day).removesuffix(f" ({day.isoformat()})")
    assert parse_date(written) == day
