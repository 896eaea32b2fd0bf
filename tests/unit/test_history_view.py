"""What the history screen shows: typed dates, chosen rows, groups, summary and trend."""

from datetime import date

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.records.history_view import (HistoryChoice, build_view, parse_range,
                                           trend_period)
from facilitator.core.records.record import Record

TODAY = date(2024, 3, 5)

# 2024-01-02 and 2024-01-09 are Tuesdays (ISO weeks 1 and 2); 2024-01-06 a Saturday (week 1).
ROWS = ([
    Record("Tuesday Night", date(2023, 1, 3), 18, newcomers=1),
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, collection=2000),
    Record("Saturday Speaker", date(2024, 1, 6), 12, visitors=1, collection=1000),
    Record("Tuesday Night", date(2024, 1, 9), 25, newcomers=1),
    Record("Tuesday Night", date(2024, 1, 30), 31, newcomers=3),
])


@pytest.mark.parametrize("start, end, order, expected", [
    ("", "", None, (None, None)),
    ("2024-01-01", "", None, (date(2024, 1, 1), None)),
    ("  ", "31 Jan 2024", None, (None, date(2024, 1, 31))),
    ("03/01/2024", "", "dayfirst", (date(2024, 1, 3), None)),
    ("03/01/2024", "", "monthfirst", (date(2024, 3, 1), None)),
    ("2024-01-01", "2099-12-31", None, (date(2024, 1, 1), date(2099, 12, 31))),
])
def test_parse_range(start, end, order, expected):
    """Blank is open; numeric dates follow the group's order; the end may lie ahead."""
    assert parse_range(start, end, order=order, today=TODAY) == expected


@pytest.mark.parametrize("start, end, message", [
    ("2024-02-30", "", "from: 2024-02-30 does not exist"),
    ("03/01/2024", "", "from: '03/01/2024' could be 3 Jan or Mar 1"),
    ("2025-01-01", "", "from: 2025-01-01 is in the future"),
    ("", "yesterday", "to: 'yesterday' is not a whole date"),
    ("2024-02-01", "2024-01-31", "to: 2024-01-31 is before from 2024-02-01"),
])
def test_parse_range_refuses_naming_the_field(start, end, message):
    with pytest.raises(ValidationError) as error:
        parse_range(start, end, order=None, today=TODAY)
    assert str(error.value).startswith(message)


def test_an_unknown_grouping_is_refused():
    with pytest.raises(ValidationError, match="group"):
        HistoryChoice(by="fortnight")


@pytest.mark.parametrize("by, first, last, expected", [
    ("week", date(2000, 1, 1), date(2024, 1, 1), "week"),
    ("month", date(2024, 1, 1), date(2024, 1, 2), "month"),
    (None, date(2023, 1, 1), date(2024, 12, 31), "week"),
    (None, date(2022, 1, 1), date(2024, 12, 31), "month"),
    ("year", date(2024, 1, 1), date(2024, 3, 1), "week"),
])
def test_trend_period(by, first, last, expected):
    """Grouped by week or month, the trend follows; otherwise weeks up to two years."""
    assert trend_period(by, first, last) == expected


def test_every_record_newest_first_with_the_summary():
    view = build_view(ROWS, HistoryChoice(), TODAY)
    assert [(record.date.isoformat(), record.meeting) for record in view.rows] == [
        ("2024-01-30", "Tuesday Night"), ("2024-01-09", "Tuesday Night"),
        ("2024-01-06", "Saturday Speaker"), ("2024-01-02", "Tuesday Night"),
        ("2023-01-03", "Tuesday Night")]
    assert view.lines is view.rows and view.groups == []
    summary = view.summary
    assert (summary.meetings, summary.totals.attendance, summary.totals.newcomers) == (5, 106, 7)
    assert summary.median_attendance == 20.0
    assert (summary.totals.start, summary.totals.end) == (date(2023, 1, 3), date(2024, 1, 30))
    assert summary.year_before is None  # only with a first day
    assert view.stored == 5 and not view.mixed_currencies


def test_grouped_per_week_newest_first():
    view = build_view(ROWS, HistoryChoice(start=date(2024, 1, 1), by="week"), TODAY)
    assert [(g.label, g.meetings, g.attendance, g.average_attendance) for g in view.lines] == [
        ("2024-W05", 1, 31, 31.0), ("2024-W02", 1, 25, 25.0), ("2024-W01", 2, 32, 16.0)]


def test_the_trend_has_a_zero_for_each_week_without_records():
    view = build_view(ROWS, HistoryChoice(start=date(2024, 1, 1)), TODAY)
    assert view.trend.by == "week"
    assert [g.label for g in view.trend.periods] == [
        "2024-W01", "2024-W02", "2024-W03", "2024-W04", "2024-W05"]
    assert view.trend.attendance == [32, 25, 0, 0, 31]
    assert view.trend.newcomers == [2, 1, 0, 0, 3]


def test_a_meeting_and_a_range_with_the_year_before():
    """From a first day, the summary compares with the same dates a year earlier."""
    choice = HistoryChoice(meeting="tuesday night", start=date(2024, 1, 1), end=date(2024, 1, 31))
    view = build_view(ROWS, choice, TODAY)
    assert [record.date.isoformat() for record in view.rows] == ["2024-01-30", "2024-01-09",
                                                                 "2024-01-02"]
    change = view.summary.year_before
    assert (change.start, change.end, change.meetings, change.attendance) == (
        date(2023, 1, 1), date(2023, 1, 31), 1, 18)
    assert change.average_change == pytest.approx(76 / 3 - 18)
    assert change.newcomers_change == 6 - 1


def test_a_first_day_alone_runs_to_today():
    view = build_view(ROWS, HistoryChoice(start=date(2024, 1, 8)), TODAY)
    assert (view.summary.totals.start, view.summary.totals.end) == (date(2024, 1, 8), TODAY)


def test_nothing_chosen():
    view = build_view(ROWS, HistoryChoice(meeting="Nobody's Meeting"), TODAY)
    assert (view.rows, view.summary, view.trend.periods, view.stored) == ((), None, (), 5)


def test_mixed_currencies_are_noticed():
    rows = ROWS + ([Record("Saturday Speaker", date(2024, 1, 13), 9, collection=500,
                                  currency="EUR")])
    assert build_view(rows, HistoryChoice(), TODAY).mixed_currencies
