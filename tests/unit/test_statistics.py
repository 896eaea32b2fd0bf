"""Aggregates of records against figures worked out by hand."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.records import statistics
from facilitator.core.records.export_csv import occurrence_csv
from facilitator.core.records.record import Record
from facilitator.core.records.records import Records
from facilitator.core.records.statistics import (by_meeting, combine, fill_gaps, group, milestone_order,
                                         oldest_first, period_bounds, period_of, select,
                                         summarize, total, year_before)

# Sunday 31 Dec 2023 is ISO week 2023-W52; Tuesday 2 Jan 2024 is 2024-W01.
RECORDS = [
    Record("Sunday Step", date(2023, 12, 31), 10),
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, chips={"1y": 1, "30d": 2}),
    Record("Saturday Speaker", date(2024, 1, 6), 12, visitors=1, chips={"24h": 1}),
    Record("Tuesday Night", date(2024, 1, 9), 25, newcomers=1, collection=2500),
    Record("Tuesday Night", date(2024, 2, 6), 30, newcomers=3, collection=1500, online=4),
]
ROWS = Records.of(RECORDS)


def periods(groups):
    return [(g.label, g.meetings, g.attendance, g.average_attendance) for g in groups]


@pytest.mark.parametrize("by, expected", [
    ("week", [("2023-W52", 1, 10, 10.0), ("2024-W01", 2, 32, 16.0), ("2024-W02", 1, 25, 25.0),
              ("2024-W06", 1, 30, 30.0)]),
    ("month", [("2023-12", 1, 10, 10.0), ("2024-01", 3, 57, 19.0), ("2024-02", 1, 30, 30.0)]),
    ("year", [("2023", 1, 10, 10.0), ("2024", 4, 87, 21.75)]),
])
def test_group_totals_and_averages(by, expected):
    """Each period holds its meetings, its attendance and the average per meeting."""
    assert periods(group(ROWS, by)) == expected


def test_group_of_record_values_equals_group_of_records():
    """Record values and stored rows give the same answer."""
    assert group(RECORDS, "month") == group(ROWS, "month")


def test_group_adds_chips_by_milestone_in_ladder_order():
    """Chips are added per milestone and listed from the shortest time to the longest."""
    january = group(ROWS, "month")[1]
    assert list(january.chips.items()) == [("24h", 1), ("30d", 2), ("1y", 1)]
    assert january.chips_total == 4


@pytest.mark.parametrize("day, by, period", [
    ("2024-12-30", "week", "2025-W01"),  # a Monday in December that starts ISO week 1
    ("2024-12-30", "month", "2024-12"),
    ("2024-12-30", "year", "2024"),
    ("2021-01-03", "week", "2020-W53"),  # a Sunday in January that ends a 53-week year
    ("2024-02-29", "month", "2024-02"),
])
def test_period_of(day, by, period):
    assert period_of(date.fromisoformat(day), by) == period


@pytest.mark.parametrize("period, by, bounds", [
    ("2024-W01", "week", (date(2024, 1, 1), date(2024, 1, 7))),
    ("2025-W01", "week", (date(2024, 12, 30), date(2025, 1, 5))),
    ("2024-02", "month", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2023", "year", (date(2023, 1, 1), date(2023, 12, 31))),
])
def test_period_bounds_start_on_monday_and_end_on_the_last_day(period, by, bounds):
    assert period_bounds(period, by) == bounds


def test_fill_gaps_adds_empty_periods_for_charts():
    """Weeks with no meeting appear with zero meetings, so a chart keeps its time axis."""
    filled = fill_gaps(group(ROWS, "week"), "week")
    assert [g.label for g in filled] == ["2023-W52", "2024-W01", "2024-W02", "2024-W03",
                                         "2024-W04", "2024-W05", "2024-W06"]
    assert [g.meetings for g in filled] == [1, 2, 1, 0, 0, 0, 1]
    assert filled[3].average_attendance is None


def test_summary_figures():
    """Meetings, average, median, lowest, highest, newcomers and collection of a range."""
    summary = summarize(ROWS)
    assert summary.meetings == 5
    assert summary.totals.attendance == 97
    assert summary.average_attendance == pytest.approx(19.4)
    assert summary.median_attendance == 20  # 10 12 [20] 25 30
    assert (summary.lowest_attendance, summary.highest_attendance) == (10, 30)
    assert summary.totals.newcomers == 6
    assert dict(summary.totals.collection) == {"USD": 4000}
    assert summary.totals.collection_per_attendee["USD"] == pytest.approx(4000 / 97)
    assert (summary.totals.start, summary.totals.end) == (date(2023, 12, 31), date(2024, 2, 6))


def test_median_of_an_even_number_is_the_middle_two_averaged():
    assert summarize(ROWS[:4]).median_attendance == 16.0  # 10 12 | 20 25


def test_average_by_weekday():
    """Tuesdays (20, 25, 30) average 25; Saturday 12; Sunday 10. Monday is 0."""
    assert dict(summarize(ROWS).by_weekday) == {1: 25.0, 5: 12.0, 6: 10.0}


def test_change_against_the_same_period_a_year_before():
    """Jan-Feb 2024 averages 21.75 (20 12 25 30); Jan-Feb 2023 averaged 20 (15 25)."""
    start, end = date(2024, 1, 1), date(2024, 2, 29)
    earlier = ([Record("Tuesday Night", date(2023, 1, 3), 15, newcomers=1),
                       Record("Tuesday Night", date(2023, 1, 10), 25)])
    assert year_before(start, end) == (date(2023, 1, 1), date(2023, 2, 28))
    summary = summarize(select(ROWS, start=start, end=end), start, end, previous=earlier)
    change = summary.year_before
    assert (change.start, change.end) == (date(2023, 1, 1), date(2023, 2, 28))
    assert (change.meetings, change.attendance, change.average_attendance) == (2, 40, 20.0)
    assert change.average_change == pytest.approx(1.75)
    assert change.average_change_percent == pytest.approx(8.75)
    assert change.newcomers_change == 6 - 1


def test_no_records_a_year_before_gives_no_change():
    summary = summarize(ROWS, date(2024, 1, 1), date(2024, 2, 29), previous=[])
    assert summary.year_before.meetings == 0
    assert summary.year_before.average_change is None


def test_summary_of_nothing():
    summary = summarize([])
    assert (summary.meetings, summary.average_attendance, summary.median_attendance) == (0, None, None)
    assert summary.year_before is None and dict(summary.by_weekday) == {}


@pytest.mark.parametrize("meeting, start, end, dates", [
    ("tuesday night", None, None, ["2024-01-02", "2024-01-09", "2024-02-06"]),
    (None, date(2024, 1, 6), date(2024, 1, 9), ["2024-01-06", "2024-01-09"]),
    ("Tuesday Night", date(2024, 1, 3), None, ["2024-01-09", "2024-02-06"]),
    ("Nobody", None, None, []),
])
def test_select_by_meeting_and_inclusive_range(meeting, start, end, dates):
    """Chosen in the order given; oldest_first puts them in order."""
    chosen = select(reversed(ROWS), meeting, start, end)
    assert [record.date.isoformat() for record in chosen] == dates[::-1]
    assert [record.date.isoformat() for record in oldest_first(chosen)] == dates


def test_oldest_first_orders_by_date_then_meeting_name():
    shuffled = [RECORDS[i] for i in (3, 0, 4, 2, 1)] + [Record("A", date(2024, 1, 9), 5)]
    ordered = oldest_first(shuffled)
    assert [(r.date.day, r.meeting) for r in ordered] == [
        (31, "Sunday Step"), (2, "Tuesday Night"), (6, "Saturday Speaker"), (9, "A"),
        (9, "Tuesday Night"), (6, "Tuesday Night")]
    assert oldest_first(ordered) is ordered  # already in order: nothing is sorted again


def test_by_meeting_and_combine():
    """Per-meeting totals add up to the whole."""
    meetings = by_meeting(ROWS)
    assert [(m.label, m.meetings, m.attendance) for m in meetings] == [
        ("Saturday Speaker", 1, 12), ("Sunday Step", 1, 10), ("Tuesday Night", 3, 75)]
    assert combine(meetings) == total(ROWS)


def test_collections_in_different_currencies_are_never_added_together():
    rows = ([Record("A", date(2024, 1, 1), 10, collection=1000, currency="EUR"),
                    Record("A", date(2024, 1, 8), 10, collection=500)])
    assert dict(total(rows).collection) == {"EUR": 1000, "USD": 500}


def test_milestone_order():
    keys = ["1y", "custom", "30d", "18m", "24h", "2y", "6m"]
    assert sorted(keys, key=milestone_order) == ["24h", "30d", "6m", "1y", "18m", "2y", "custom"]


records = st.builds(
    lambda day, attendance, newcomers, meeting: Record(
        meeting, day, attendance, newcomers=min(newcomers, attendance)),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.integers(0, 500), st.integers(0, 50),
    st.sampled_from(["A", "B", "C"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(records, max_size=40), st.sampled_from(statistics.PERIODS))
def test_periods_add_up_to_the_whole(items, by):
    """Whatever the period, the groups' meetings and attendance add up to the total."""
    rows = list(items)
    groups = group(rows, by)
    assert sum(g.meetings for g in groups) == len(rows)
    assert sum(g.attendance for g in groups) == sum(r.attendance for r in rows)
    assert sum(g.newcomers for g in groups) == total(rows).newcomers
    for g in groups:
        assert g.start.weekday() == 0 if by == "week" else g.start.day == 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["B", "a", "A", "Ab", "é", "b"]),
                          st.dates(date(2020, 1, 1), date(2020, 1, 9)),
                          st.integers(0, 30)), max_size=25))
def test_oldest_first_is_a_stable_sort_by_date_then_name_and_the_csv_follows_it(rows):
    """The whole-number keys order exactly as (date, name) pairs would, records alike kept
    in the order given; the CSV ordering its own rows writes what ordered records write."""
    records = Records.of(Record(name, day, count) for name, day, count in rows)
    expected = sorted(records, key=lambda record: (record.date, record.meeting))
    assert list(oldest_first(records)) == expected
    assert (occurrence_csv(records, oldest_first=True)
            == occurrence_csv(oldest_first(records)) == occurrence_csv(Records.of(expected)))
