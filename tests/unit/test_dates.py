"""The strict date parser: what a person may type, and the reason when it is refused."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateutil.relativedelta import relativedelta

from facilitator.core.dates import (DateOrder, describe_date, parse_counted_on, parse_date,
                                    parse_sober_date)
from facilitator.core.errors import ValidationError
from facilitator.core.records.statistics import year_before

DAY, MONTH = DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST
TODAY = date(2024, 6, 15)

# (typed, date order, the date it means)
ACCEPTED = [
    ("2024-03-14", None, date(2024, 3, 14)),
    ("  2024-03-14  ", None, date(2024, 3, 14)),
    ("2024-3-4", None, date(2024, 3, 4)),
    ("2024/03/04", None, date(2024, 3, 4)),
    ("2024.03.04", DAY, date(2024, 3, 4)),  # year first: the order does not apply
    ("2024-02-29", None, date(2024, 2, 29)),
    ("2000-02-29", None, date(2000, 2, 29)),
    ("14/03/2024", None, date(2024, 3, 14)),  # 14 can only be the day
    ("03/14/2024", None, date(2024, 3, 14)),
    ("14.03.2024", None, date(2024, 3, 14)),
    ("14-03-2024", None, date(2024, 3, 14)),
    ("05/05/2024", None, date(2024, 5, 5)),  # both readings agree
    ("03/04/2024", DAY, date(2024, 4, 3)),
    ("03/04/2024", MONTH, date(2024, 3, 4)),
    ("03/04/2024", "dayfirst", date(2024, 4, 3)),
    ("4 March 2024", None, date(2024, 3, 4)),
    ("4th mar 2024", None, date(2024, 3, 4)),
    ("1st Sept. 2023", None, date(2023, 9, 1)),
    ("22nd december, 2023", None, date(2023, 12, 22)),
    ("March 4, 2024", None, date(2024, 3, 4)),
    ("MAR 4 2024", None, date(2024, 3, 4)),
    ("Feb 29th 2024", None, date(2024, 2, 29)),
]

# (typed, date order, words the reason must contain)
REFUSED = [
    ("", None, "a date is needed"),
    ("   ", None, "a date is needed"),
    ("03/04/2024", None, "could be 3 Apr or Mar 4"),
    ("1/2/2024", None, "type it as YYYY-MM-DD or set the date order"),
    ("3/4/24", None, "four digits (not '24')"),
    ("3/4/24", DAY, "four digits (not '24')"),
    ("4 March 24", None, "four digits (not '24')"),
    ("14/03/02024", None, "four digits (not '02024')"),
    ("2024-02-30", None, "2024-02-30 does not exist: February 2024 has 29 days"),
    ("2023-02-29", None, "February 2023 has 28 days"),
    ("1900-02-29", None, "February 1900 has 28 days"),
    ("31 April 2024", None, "April 2024 has 30 days"),
    ("2024-13-01", None, "there is no month 13"),
    ("2024-00-10", None, "there is no month 0"),
    ("2024-01-00", None, "2024-01-00 does not exist"),
    ("0/3/2024", None, "there is no month 0"),
    ("3/0/2024", None, "2024-03-00 does not exist"),
    ("13/13/2024", None, "there is no month 13"),
    ("14/03/2024", MONTH, "there is no month 14"),
    ("03/14/2024", DAY, "there is no month 14"),
    ("March 2024", None, "is not a whole date"),
    ("2024-03", None, "is not a whole date"),
    ("14 March", None, "is not a whole date"),
    ("yesterday", None, "is not a whole date"),
    ("next tuesday", None, "is not a whole date"),
    ("14/03-2024", None, "is not a whole date"),
    ("2024-03-14T19:00", None, "is not a whole date"),
    ("1 Foo 2024", None, "'foo' is not a month name"),
    ("x" * 50, None, "'" + "x" * 31 + "…"),
]


@pytest.mark.parametrize("typed, order, meant", ACCEPTED)
def test_accepted_forms(typed, order, meant):
    """Each unambiguous form gives exactly the date it means."""
    assert parse_date(typed, order=order) == meant


@pytest.mark.parametrize("typed, order, reason", REFUSED)
def test_refused_forms_name_the_field_and_the_reason(typed, order, reason):
    """Each refused form raises one line naming the field, with the reason."""
    with pytest.raises(ValidationError) as caught:
        parse_date(typed, order=order, field="sober date")
    assert caught.value.field == "sober date"
    assert str(caught.value).startswith("sober date: ")
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_future_dates_are_refused_unless_allowed():
    """A date after today is refused by default and accepted with allow_future."""
    with pytest.raises(ValidationError, match=r"^date: 2024-06-16 is in the future$"):
        parse_date("2024-06-16", today=TODAY)
    assert parse_date("2024-06-15", today=TODAY) == TODAY
    assert parse_date("2024-06-16", today=TODAY, allow_future=True) == date(2024, 6, 16)
    assert parse_date("2099-01-01") == date(2099, 1, 1)  # no today: no future check


def test_an_unknown_order_name_is_refused():
    """The order comes from settings; a wrong value there is not silently ignored."""
    with pytest.raises(ValueError):
        parse_date("03/04/2024", order="yearfirst")


def test_describe_date_cannot_be_misread():
    """The echo gives the weekday, the month name and the ISO form."""
    assert describe_date(date(2024, 3, 14)) == "Thu 14 Mar 2024 (2024-03-14)"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)),
       st.sampled_from(["-", "/", "."]), st.sampled_from(list(DateOrder)))
def test_every_real_date_round_trips_in_every_form(day, separator, order):
    """ISO, numeric in the group's order, and month-name forms all give back the date."""
    first, second = (day.day, day.month) if order is DAY else (day.month, day.day)
    assert parse_date(day.isoformat(), order=order) == day
    assert parse_date(f"{first}{separator}{second}{separator}{day.year:04d}", order=order) == day
    assert parse_date(f"{day.day} {day:%B} {day.year:04d}") == day
    assert parse_date(f"{day:%b} {day.day}, {day.year:04d}") == day


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1900, 9998))
def test_two_small_numbers_are_never_guessed(first, second, year):
    """Without an order, d/m with both <= 12 and different is refused, never guessed."""
    typed = f"{first}/{second}/{year}"
    if first == second:
        assert parse_date(typed) == date(year, first, first)
    else:
        with pytest.raises(ValidationError, match="could be"):
            parse_date(typed)


@pytest.mark.parametrize("typed, reason", [
    ("0000-01-01", "0000-01-01 is before 1900-01-01"),
    ("0001-01-01", "0001-01-01 is before 1900-01-01"),
    ("1899-12-31", "1899-12-31 is before 1900-01-01"),
    ("9999-12-31", "9999-12-31 is after 9998-12-31"),
    ("1/1/0001", "0001-01-01 is before 1900-01-01"),
    ("1 January 0001", "0001-01-01 is before 1900-01-01"),
    ("0000-02-29", "0000-02-29 is before 1900-01-01"),  # year 0 was a leap year
    ("0000-02-30", "0000-02-30 does not exist: February 0 has 29 days"),
])
def test_years_outside_what_records_can_hold_are_refused(typed, reason):
    """Year 0 or 1 is a typing slip, and a year before it must still exist: refused."""
    with pytest.raises(ValidationError) as caught:
        parse_date(typed, order=DAY, allow_future=True)
    assert caught.value.reason == reason


# (parser, typed, the reason, or the date it gives); today is TODAY (2024-06-15)
RANGES = [
    (dict(), "1900-01-01", date(1900, 1, 1)),
    (dict(), "1899-12-31", "1899-12-31 is before 1900-01-01"),
    (dict(), "2024-06-16", "2024-06-16 is in the future"),
    (dict(allow_future=True), "2124-06-15", date(2124, 6, 15)),
    (dict(allow_future=True), "2124-06-16", "2124-06-16 is more than 100 years from today"),
    (dict(allow_future=True), "9998-01-01", "9998-01-01 is more than 100 years from today"),
]


@pytest.mark.parametrize("options, typed, expected", RANGES)
def test_each_field_has_its_range_and_names_the_limit(options, typed, expected):
    """A record's date: 1900 to today; a --to date: up to 100 years ahead."""
    if isinstance(expected, date):
        assert parse_date(typed, today=TODAY, **options) == expected
    else:
        with pytest.raises(ValidationError) as caught:
            parse_date(typed, today=TODAY, field="to", **options)
        assert str(caught.value) == f"to: {expected}"


@pytest.mark.parametrize("typed, expected", [
    ("2024-06-15", date(2024, 6, 15)),
    ("1924-06-15", date(1924, 6, 15)),  # 100 years ago today: the 100-year chip
    ("1924-06-14", "sober date: 1924-06-14 is more than 100 years ago"),
    ("0001-01-01", "sober date: 0001-01-01 is more than 100 years ago"),
    ("0000-01-01", "sober date: 0000-01-01 is more than 100 years ago"),
    ("2024-06-16", "sober date: 2024-06-16 is in the future"),
    ("2025-13-01", "sober date: there is no month 13"),
])
def test_a_sober_date_is_within_100_years(typed, expected):
    if isinstance(expected, date):
        assert parse_sober_date(typed, today=TODAY) == expected
    else:
        with pytest.raises(ValidationError) as caught:
            parse_sober_date(typed, today=TODAY)
        assert str(caught.value) == expected


@pytest.mark.parametrize("typed, expected", [
    ("2099-01-01", date(2099, 1, 1)),
    ("2100-01-01", date(2100, 1, 1)),
    ("2100-01-02", "on: 2100-01-02 is more than 100 years after the sober date 2000-01-01"),
    ("1999-12-31", "on: 1999-12-31 is before the sober date 2000-01-01"),
])
def test_time_sober_is_counted_up_to_100_years(typed, expected):
    sober = date(2000, 1, 1)
    if isinstance(expected, date):
        assert parse_counted_on(typed, sober=sober, today=TODAY) == expected
    else:
        with pytest.raises(ValidationError) as caught:
            parse_counted_on(typed, sober=sober, today=TODAY)
        assert str(caught.value) == expected


@pytest.mark.parametrize("typed", ["２０２４-０１-０１", "٢٠٢٤-٠١-٠١", "2024-01-٠١",
                                   "1²/3/2024",
                                   "2024-01-01\x00", "+2024-01-01", "2024-01-01T00:00"])
def test_only_ascii_digits_make_a_date(typed):
    """Other scripts' digits, superscripts and a date with a time are not dates."""
    with pytest.raises(ValidationError, match="is not a whole date"):
        parse_date(typed)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)),
       st.dates(min_value=date(1901, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_accepted_works_a_year_before_and_after(day, today):
    """Whatever a field accepts, history can still compare it with a year before."""
    for options in (dict(), dict(allow_future=True)):
        try:
            parsed = parse_date(day.isoformat(), today=today, **options)
        except ValidationError:
            continue
        before, after = year_before(parsed, parsed)[0], parsed + relativedelta(years=1)
        assert before.year == parsed.year - 1 and after.year == parsed.year + 1
