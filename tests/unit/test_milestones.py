"""Milestone dates, time sober, and which milestone is reached: calendar-correct, never chained."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.chips.milestones import Ladder, Milestone, YearlyRule, day_range, time_sober
from facilitator.core.chips.sober_time import add_months
from facilitator.store.ladders import load_ladder

ONE_DAY = timedelta(days=1)
LADDERS = {name: load_ladder(name) for name in ("aa", "na", "monthly")}
CENTURY = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


def when(ladder: str, sober: date, key: str, leap_day: str = "feb28") -> date:
    chosen = LADDERS[ladder].using(leap_day)
    return chosen.milestone(key).date_for(sober, chosen.leap_day)


# (ladder, sober date, milestone key, leap-day rule, the date it falls on)
MILESTONE_DATES = [
    # the 24-hour chip is the next calendar day, across month, year and leap-day ends
    ("aa", date(2024, 3, 14), "24h", "feb28", date(2024, 3, 15)),
    ("aa", date(2024, 12, 31), "24h", "feb28", date(2025, 1, 1)),
    ("aa", date(2024, 2, 28), "24h", "feb28", date(2024, 2, 29)),
    ("aa", date(2023, 2, 28), "24h", "feb28", date(2023, 3, 1)),
    # days count days: 60 days from Jan 1 crosses February
    ("aa", date(2024, 1, 1), "30d", "feb28", date(2024, 1, 31)),
    ("aa", date(2024, 1, 1), "60d", "feb28", date(2024, 3, 1)),
    ("aa", date(2023, 1, 1), "60d", "feb28", date(2023, 3, 2)),
    ("na", date(2023, 12, 15), "90d", "feb28", date(2024, 3, 14)),
    ("na", date(2024, 5, 1), "welcome", "feb28", date(2024, 5, 1)),
    # month ends clamp; each date is counted from the sober date, not from the last chip
    ("monthly", date(2024, 1, 31), "1m", "feb28", date(2024, 2, 29)),
    ("monthly", date(2023, 1, 31), "1m", "feb28", date(2023, 2, 28)),
    ("monthly", date(2024, 1, 31), "2m", "feb28", date(2024, 3, 31)),  # chained: Mar 29
    ("monthly", date(2023, 3, 31), "1m", "feb28", date(2023, 4, 30)),
    ("monthly", date(2023, 3, 31), "2m", "feb28", date(2023, 5, 31)),
    ("aa", date(2024, 8, 31), "6m", "feb28", date(2025, 2, 28)),
    ("aa", date(2023, 5, 31), "9m", "feb28", date(2024, 2, 29)),
    ("aa", date(2024, 3, 31), "9m", "feb28", date(2024, 12, 31)),
    ("aa", date(2023, 8, 31), "18m", "feb28", date(2025, 2, 28)),
    # Feb 29: Feb 28 in common years by default, Mar 1 when the group says so
    ("aa", date(2024, 2, 29), "1y", "feb28", date(2025, 2, 28)),
    ("aa", date(2024, 2, 29), "1y", "mar1", date(2025, 3, 1)),
    ("aa", date(2024, 2, 29), "2y", "feb28", date(2026, 2, 28)),
    ("aa", date(2024, 2, 29), "2y", "mar1", date(2026, 3, 1)),
    ("aa", date(2024, 2, 29), "4y", "feb28", date(2028, 2, 29)),
    ("aa", date(2024, 2, 29), "4y", "mar1", date(2028, 2, 29)),
    ("aa", date(2024, 2, 29), "18m", "mar1", date(2025, 8, 29)),
    ("aa", date(2096, 2, 29), "4y", "feb28", date(2100, 2, 28)),  # 2100 is not a leap year
    ("aa", date(2096, 2, 29), "4y", "mar1", date(2100, 3, 1)),
    ("na", date(2024, 2, 29), "6m", "mar1", date(2024, 8, 29)),
    ("monthly", date(2024, 2, 29), "11m", "mar1", date(2025, 1, 29)),
    ("monthly", date(2024, 2, 29), "1y", "mar1", date(2025, 3, 1)),
    ("aa", date(2000, 1, 15), "25y", "feb28", date(2025, 1, 15)),
]


@pytest.mark.parametrize("ladder, sober, key, leap_day, expected", MILESTONE_DATES)
def test_milestone_date(ladder, sober, key, leap_day, expected):
    """Each milestone date is the sober date plus N days, months or years."""
    assert when(ladder, sober, key, leap_day) == expected


# (sober, on, leap-day rule, (years, months, days, total days), as shown)
TIME_SOBER = [
    (date(2024, 3, 14), date(2025, 11, 28), "feb28", (1, 8, 14, 624),
     "1 year, 8 months, 14 days"),
    (date(2024, 3, 14), date(2024, 3, 14), "feb28", (0, 0, 0, 0), "0 days"),
    (date(2024, 3, 14), date(2024, 3, 15), "feb28", (0, 0, 1, 1), "1 day"),
    (date(2024, 1, 31), date(2024, 2, 28), "feb28", (0, 0, 28, 28), "28 days"),
    (date(2024, 1, 31), date(2024, 2, 29), "feb28", (0, 1, 0, 29), "1 month"),
    (date(2024, 1, 31), date(2024, 3, 30), "feb28", (0, 1, 30, 59), "1 month, 30 days"),
    (date(2024, 2, 29), date(2025, 2, 28), "feb28", (1, 0, 0, 365), "1 year"),
    (date(2024, 2, 29), date(2025, 2, 28), "mar1", (0, 11, 30, 365), "11 months, 30 days"),
    (date(2024, 2, 29), date(2025, 3, 1), "mar1", (1, 0, 0, 366), "1 year"),
    (date(2024, 2, 29), date(2025, 3, 1), "feb28", (1, 0, 1, 366), "1 year, 1 day"),
    (date(2000, 6, 1), date(2024, 6, 1), "feb28", (24, 0, 0, 8766), "24 years"),
]


@pytest.mark.parametrize("sober, on, leap_day, expected, shown", TIME_SOBER)
def test_time_sober(sober, on, leap_day, expected, shown):
    """Years, months and days as a calendar counts them, and total days."""
    counted = time_sober(sober, on, leap_day)
    assert (counted.years, counted.months, counted.days, counted.total_days) == expected
    assert counted.describe() == shown


def test_time_sober_refuses_a_date_before_the_sober_date():
    with pytest.raises(ValidationError, match="on: 2024-01-01 is before the sober date"):
        time_sober(date(2024, 3, 14), date(2024, 1, 1))


@given(CENTURY, CENTURY)
def test_time_sober_is_relativedelta_under_the_default_rule(first, second):
    """With Feb 28 for leap days, time sober is exactly relativedelta(on, sober)."""
    sober, on = min(first, second), max(first, second)
    counted, delta = time_sober(sober, on), relativedelta(on, sober)
    assert (counted.years, counted.months, counted.days) == (delta.years, delta.months,
                                                             delta.days)
    assert counted.total_days == (on - sober).days


# (ladder, sober, on, latest reached, next and its date)
REACHED_AND_NEXT = [
    ("aa", date(2024, 3, 14), date(2024, 3, 14), None, ("24h", date(2024, 3, 15))),
    ("aa", date(2024, 3, 14), date(2024, 3, 15), "24h", ("30d", date(2024, 4, 13))),
    ("aa", date(2024, 3, 14), date(2025, 11, 28), "18m", ("2y", date(2026, 3, 14))),
    ("aa", date(2010, 5, 20), date(2024, 5, 19), "13y", ("14y", date(2024, 5, 20))),
    ("na", date(2024, 3, 14), date(2024, 3, 14), "welcome", ("30d", date(2024, 4, 13))),
    ("na", date(2020, 1, 1), date(2024, 6, 1), "4y", ("5y", date(2025, 1, 1))),
    ("monthly", date(2024, 1, 31), date(2024, 2, 29), "1m", ("2m", date(2024, 3, 31))),
    ("monthly", date(2024, 1, 31), date(2024, 2, 28), None, ("1m", date(2024, 2, 29))),
]


@pytest.mark.parametrize("ladder, sober, on, reached, coming", REACHED_AND_NEXT)
def test_reached_and_next(ladder, sober, on, reached, coming):
    found, upcoming = LADDERS[ladder].reached(sober, on), LADDERS[ladder].next_after(sober, on)
    assert (found.key if found else None) == reached
    assert (upcoming.key, upcoming.date) == coming
    assert upcoming.days_until(on) == (coming[1] - on).days > 0


def test_a_ladder_without_every_year_ends():
    short = Ladder("short", "Short", (Milestone("30d", "30 days", 30, "days"),))
    assert short.next_after(date(2024, 1, 1), date(2024, 1, 31)) is None
    assert short.reached(date(2024, 1, 1), date(2030, 1, 1)).key == "30d"


# Milestone dates depend on the sober date only through the month lengths of the years it
# spans (four at most: milestones through 3 years, and the day before). From 2000 to 2099
# every fourth year is a leap year, so a sober date in 2004-2091 meets exactly the calendar of
# the same day four years earlier: 2000-2003 hold every one of those cases. 2092-2100 hold
# every case that reaches 2100, which is not a leap year.
SOBER_YEARS = [range(2000, 2004), range(2092, 2101)]


def test_every_sober_date_of_each_leap_cycle_2000_to_2100():
    """Dates strictly increase; on its own date a milestone is the one reached, not the day before."""
    listed = {name: ladder.milestones_through(3) for name, ladder in LADDERS.items()}
    for years in SOBER_YEARS:
        sober = date(years.start, 1, 1)
        while sober.year < years.stop:
            for name, ladder in LADDERS.items():
                dates = [m.date_for(sober) for m in listed[name]]
                assert all(a < b for a, b in zip(dates, dates[1:])), (name, sober, dates)
                for milestone, day in zip(listed[name], dates):
                    assert ladder.reached(sober, day).milestone == milestone, (name, sober, day)
                    before = ladder.reached(sober, day - ONE_DAY) if day > sober else None
                    assert before is None or before.milestone != milestone, (name, sober, day)
            sober += ONE_DAY


def test_a_sober_date_four_years_later_has_the_same_milestones_shifted():
    """What the reduction above rests on, for every ladder from every day of 2000-2003."""
    listed = {name: ladder.milestones_through(3) for name, ladder in LADDERS.items()}
    sober = date(2000, 1, 1)
    while sober.year < 2004:
        for later in (2004, 2048, 2088):
            shifted = sober.replace(year=sober.year + later - 2000)
            for name, milestones in listed.items():
                assert [m.date_for(shifted) for m in milestones] == [
                    m.date_for(sober).replace(year=m.date_for(sober).year + later - 2000)
                    for m in milestones], (name, sober, later)
        sober += ONE_DAY


def test_every_leap_day_with_the_mar1_rule():
    """The Mar 1 rule keeps each ladder in order and its milestones reached on their dates."""
    for year in range(2000, 2101, 4):
        if year == 2100:
            continue
        sober = date(year, 2, 29)
        for ladder in LADDERS.values():
            ladder = ladder.using("mar1")
            listed = ladder.milestones_through(8)
            dates = [m.date_for(sober, "mar1") for m in listed]
            assert all(a < b for a, b in zip(dates, dates[1:]))
            for milestone, day in zip(listed, dates):
                assert ladder.reached(sober, day).milestone == milestone
                assert ladder.next_after(sober, day - ONE_DAY).milestone == milestone
                if milestone.months and milestone.months % 12 == 0:
                    assert (day.month, day.day) in {(2, 29), (3, 1)}


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
       st.integers(min_value=1, max_value=1200), st.sampled_from(["feb28", "mar1"]))
def test_day_range_holds_every_real_span(sober, months, leap_day):
    """The bounds that keep a group's ladder in order contain every real span."""
    low, high = day_range(Milestone("m", "m", months, "months"))
    assert low <= (add_months(sober, months, leap_day) - sober).days <= high


# (milestones in the order written, what the refusal says)
OUT_OF_ORDER = [
    ([("60d", 60, "days"), ("2m", 2, "months")], "'2m' does not always fall after '60d'"),
    ([("1m", 1, "months"), ("31d", 31, "days")], "'31d' does not always fall after '1m'"),
    ([("1y", 1, "years"), ("12m", 12, "months")], "'12m' does not always fall after '1y'"),
    ([("90d", 90, "days"), ("30d", 30, "days")], "'30d' does not always fall after '90d'"),
]


@pytest.mark.parametrize("items, reason", OUT_OF_ORDER)
def test_a_ladder_out_of_order_is_refused(items, reason):
    milestones = tuple(Milestone(key, key, amount, unit) for key, amount, unit in items)
    with pytest.raises(ValidationError, match=reason):
        Ladder("ours", "Ours", milestones)


def test_yearly_milestones_must_come_after_the_listed_ones():
    with pytest.raises(ValidationError, match="'1 years' does not always fall after"):
        Ladder("ours", "Ours", (Milestone("18m", "18 months", 18, "months"),), YearlyRule(1))


def test_keys_and_stock():
    """Yearly keys are made on demand; NA's yearly keytags share one stock item."""
    aa, na = LADDERS["aa"], LADDERS["na"]
    assert aa.milestone("7y").label == "7 years" and aa.milestone("7y").stock_key == "7y"
    assert na.milestone("7y").title == "7 years (black)"
    assert na.milestone("7y").stock_key == "multiple-years"
    assert [key for key, _ in aa.stock_items(["5y"])][-4:] == ["2y", "3y", "4y", "5y"]
    assert na.stock_items()[-1] == ("multiple-years", "multiple years (black)")
    with pytest.raises(ValidationError, match="'zz' is not on the aa ladder; its keys are 24h"):
        aa.milestone("zz")
    with pytest.raises(ValidationError, match="'3y' chips are counted in the 'multiple-years'"):
        na.stock_label("3y")
