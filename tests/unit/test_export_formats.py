"""CSV, JSON and Markdown exports; reading the CSV back; merging groups' JSON exports."""

import csv
import io
from datetime import date, time

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.records.export_csv import (OCCURRENCE_COLUMNS, decode_counts, encode_counts,
                                         grouped_csv, occurrence_csv, parse_occurrence_csv)
from facilitator.core.records.export_json import FORMAT, dumps, export_document, totals_from_json
from facilitator.core.records.export_markdown import markdown_report
from facilitator.core.records.merge import merge_exports
from facilitator.core.records.record import FIELDS, Record
from facilitator.core.records.statistics import group, select

TODAY = date(2024, 6, 1)
HEADER = ",".join(OCCURRENCE_COLUMNS)
RECORDS = [
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, visitors=1, online=3, shares=8,
           share_seconds=2400, passes=1, over_time=2, chips={"30d": 2, "1y": 1},
           collection=3150, start=time(19, 0), end=time(20, 5), note='Hall "B", upstairs',
           collection_online=1000),
    Record("Saturday Speaker", date(2024, 1, 6), 12, collection=900),
    Record("Tuesday Night", date(2024, 2, 6), 30, newcomers=3, collection=4000),
]
ROWS = select(RECORDS)


def csv_line(**cells) -> str:
    values = {name: "" for name in OCCURRENCE_COLUMNS}
    values.update({"date": "2024-01-02", "meeting": "Tue", "attendance": "20"}, **cells)
    return ",".join(values[name] for name in OCCURRENCE_COLUMNS)


def test_occurrence_csv_exact_text():
    """Header row, CRLF line ends, RFC 4180 quoting, collection as 12.50, chips as 30d:2."""
    assert occurrence_csv(ROWS[:1]) == (
        HEADER + "\r\n"
        '2024-01-02,Tuesday Night,20,2,1,3,8,2400,1,2,30d:2;1y:1,31.50,USD,19:00,20:05,'
        '"Hall ""B"", upstairs",,10.00\r\n'
    )


def test_grouped_csv_has_period_and_meetings_held():
    text = grouped_csv(group(ROWS, "month"))
    assert text.split("\r\n") == [
        "period,meetings,attendance,average_attendance,newcomers,visitors,online,shares,"
        "share_seconds,passes,over_time,chips,collection,currency",
        "2024-01,2,32,16.0,2,1,3,8,2400,1,2,30d:2;1y:1,40.50,USD",
        "2024-02,1,30,30.0,3,0,0,0,0,0,0,,40.00,USD",
        "",
    ]


def test_csv_round_trip_of_the_sample():
    text = occurrence_csv(ROWS)
    back = parse_occurrence_csv(text, today=TODAY)
    assert sorted(back, key=lambda r: r.key) == sorted(RECORDS, key=lambda r: r.key)
    assert occurrence_csv(select(back)) == text


@pytest.mark.parametrize("counts, text", [
    ({}, ""),
    ({"24h": 1, "30d": 2}, "24h:1;30d:2"),
    ({"odd:name;x%": 3}, "odd%3Aname%3Bx%25:3"),
])
def test_counts_encoding(counts, text):
    assert encode_counts(counts) == text
    assert decode_counts(text, "chips") == counts


# Letters, and every character that CSV or the chips encoding must take care of.
safe_text = st.text(st.sampled_from("abcdeXYZ019 ,;:%\"'|=é€漢\u2028\xa0"),
                    max_size=16).map(str.strip)
names = st.text(st.sampled_from("abcdeXYZ019 ,;:%\"'|é漢"), min_size=1, max_size=12).map(
    str.strip).filter(bool)


@st.composite
def records(draw):
    attendance = draw(st.integers(0, 400))
    shares = draw(st.integers(0, 60))
    part = st.integers(0, attendance)
    return Record(
        meeting=draw(names),
        date=draw(st.dates(date(1990, 1, 1), TODAY)),
        attendance=attendance, newcomers=draw(part), visitors=draw(part), online=draw(part),
        shares=shares, share_seconds=draw(st.integers(0, 100_000)),
        over_time=draw(st.integers(0, shares)), passes=draw(st.integers(0, 20)),
        chips=draw(st.dictionaries(names, st.integers(0, 50), max_size=4)),
        collection=draw(st.integers(0, 10**9)),
        currency=draw(st.sampled_from(["USD", "EUR", "gbp"])),
        start=draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))),
        note=draw(safe_text),
        sections=draw(st.dictionaries(names, st.integers(0, 9999), max_size=3)),
    )


@settings(max_examples=80, deadline=None)
@given(st.lists(records(), max_size=6, unique_by=lambda r: r.key))
def test_csv_round_trip_is_exact_for_any_records(items):
    """export -> import -> export gives the same bytes, and the same records."""
    rows = select(items)
    text = occurrence_csv(rows)
    if not items:
        return
    back = parse_occurrence_csv(text, today=TODAY)
    assert rows == back
    assert occurrence_csv(select(back)) == text


@settings(max_examples=80, deadline=None)
@given(st.lists(records(), max_size=8, unique_by=lambda r: r.key))
def test_the_csv_is_what_the_csv_module_writes_cell_by_cell(items):
    """Cells worked out once per distinct value and joined hold exactly what csv.writer
    writes from each record's cells (quotes around commas and quotes, CRLF, the header)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(OCCURRENCE_COLUMNS)
    writer.writerows([FIELDS[name].text(getattr(item, name)) for name in OCCURRENCE_COLUMNS]
                     for item in items)
    assert occurrence_csv(select(items)) == buffer.getvalue()


@pytest.mark.parametrize("cells, message", [
    ({"attendance": "x"}, "row 2, attendance: must be a whole number, not 'x'"),
    ({"attendance": ""}, "row 2, attendance: must be a whole number, not ''"),
    ({"newcomers": "-1"}, "row 2, newcomers: must be a whole number, not '-1'"),
    ({"visitors": "2.5"}, "row 2, visitors: must be a whole number, not '2.5'"),
    ({"online": "21"}, "row 2, online: 21 is more than the attendance (20)"),
    ({"shares": "1", "over_time": "2"},
     "row 2, over_time: cannot be more than the number of shares"),
    ({"date": "2024-02-30"}, "row 2, date: 2024-02-30 does not exist: February 2024 has 29 days"),
    ({"date": "2099-01-01"}, "row 2, date: 2099-01-01 is in the future"),
    ({"date": "March 2024"},
     "row 2, date: 'March 2024' is not a whole date; type day, month and year, e.g. 2024-03-14"),
    ({"meeting": " "}, "row 2, meeting: cannot be empty"),
    ({"collection": "12.345"},
     "row 2, collection: '12.345' is not an amount; type it like 12.50 (two decimals at most)"),
    ({"chips": "30d"}, "row 2, chips: '30d' is not name:count, e.g. 30d:2"),
    ({"chips": "30d:x"}, "row 2, chips 30d: must be a whole number, not 'x'"),
    ({"chips": "30d:1;30d:2"}, "row 2, chips: '30d' is given twice"),
    ({"currency": "US"}, "row 2, currency: 'US' is not a 3-letter code such as USD"),
    ({"start": "25:00"}, "row 2, start: '25:00' is not a time; use HH:MM (24-hour)"),
])
def test_each_kind_of_bad_value_names_row_and_column(cells, message):
    with pytest.raises(ValidationError) as caught:
        parse_occurrence_csv(f"{HEADER}\r\n{csv_line(**cells)}\r\n", today=TODAY)
    assert str(caught.value) == message


@pytest.mark.parametrize("text, message", [
    ("", "file: is empty; the first row must name the columns"),
    (HEADER + "\r\n", "file: has no records below the header row"),
    ("date,meeting\r\n", "row 1: the column attendance must be there"),
    ("date,meeting,atendance\r\n", "row 1: unknown column 'atendance'; the columns are "
                                   + ", ".join(OCCURRENCE_COLUMNS)),
    ("date,meeting,attendance,date\r\n", "row 1: the column 'date' appears twice"),
    (HEADER + "\r\n2024-01-02,Tue,20\r\n", "row 2: has 3 cells; the header has 18"),
    (f"{HEADER}\r\n{csv_line()}\r\n{csv_line(meeting='TUE')}\r\n",
     "row 3, date: 'TUE' on 2024-01-02 is also on row 2"),
    (f"{HEADER}\r\n{csv_line(attendance='a')}\r\n{csv_line(date='x')}\r\n"
     f"{csv_line(date='2024-01-03', attendance='b')}\r\n",
     "row 2, attendance: must be a whole number, not 'a' (2 more rows with problems)"),
])
def test_bad_files(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_occurrence_csv(text, today=TODAY)
    assert str(caught.value) == message


def test_import_accepts_a_spreadsheet_file():
    """A BOM, fewer columns, empty optional cells, blank lines and the group's date order."""
    text = "\ufeffDate,Meeting,Attendance,Newcomers,Collection\r\n03/04/2024,Tue,20,,12\r\n\r\n"
    [record] = parse_occurrence_csv(text, today=TODAY, order="dayfirst", currency="EUR")
    assert (record.date, record.attendance, record.newcomers) == (date(2024, 4, 3), 20, 0)
    assert (record.collection, record.currency) == (1200, "EUR")


def test_json_export_document():
    """Format marker and version; chips by milestone; money as text; totals and summary."""
    document = orjson.loads(dumps(export_document(ROWS)))
    assert (document["format"], document["version"], document["by"]) == (FORMAT, 1, "occurrence")
    assert (document["from"], document["to"]) == ("2024-01-02", "2024-02-06")
    first = document["rows"][0]
    assert first["chips"] == {"30d": 2, "1y": 1}
    assert (first["collection"], first["currency"], first["note"]) == (
        "31.50", "USD", 'Hall "B", upstairs')
    assert document["totals"]["meetings"] == 3
    assert document["totals"]["attendance"] == 62
    assert document["totals"]["collection"] == {"USD": "80.50"}
    assert document["totals"]["average_attendance"] == pytest.approx(20.67)
    assert [(m["meeting"], m["meetings"]) for m in document["meetings"]] == [
        ("Saturday Speaker", 1), ("Tuesday Night", 2)]
    assert document["summary"]["median_attendance"] == 20
    assert document["summary"]["average_by_weekday"] == {"Tue": 25.0, "Sat": 12.0}


def test_json_export_by_month():
    document = export_document(ROWS, "month")
    assert [(r["period"], r["from"], r["to"], r["meetings"]) for r in document["rows"]] == [
        ("2024-01", "2024-01-01", "2024-01-31", 2), ("2024-02", "2024-02-01", "2024-02-29", 1)]


def test_markdown_report():
    text = markdown_report(ROWS, "month", title="Attendance report: GSR")
    assert text.startswith("# Attendance report: GSR\n")
    assert "**Period:** Tue 2 Jan 2024 (2024-01-02) to Tue 6 Feb 2024 (2024-02-06)" in text
    assert "| 2024-01 | 2 | 32 | 16.0 | 2 | 1 | 3 | 8 | 3 | 40.50 USD |" in text
    assert "- **Meetings held:** 3" in text
    assert "- **Collection:** 80.50 USD" in text


def test_markdown_escapes_a_pipe_in_a_meeting_name():
    rows = select([Record("Step | Tradition", date(2024, 1, 1), 5)])
    assert "| 2024-01-01 | Step \\| Tradition | 5 |" in markdown_report(rows)


def group_export(records):
    return orjson.loads(dumps(export_document(select(records))))


NORTH = [Record("Mon Big Book", date(2024, 1, 1), 10, newcomers=1, collection=1000,
                chips={"30d": 1}),
         Record("Mon Big Book", date(2024, 2, 5), 14, collection=1200),
         Record("Fri Speaker", date(2024, 1, 5), 30, newcomers=4, chips={"1y": 2})]
SOUTH = [Record("Mon Big Book", date(2024, 1, 8), 6, newcomers=2, collection=500,
                chips={"30d": 3, "24h": 1})]


def test_merge_keeps_groups_apart_and_adds_totals():
    """North: 3 meetings, 54 people; south: 1 meeting, 6 people; together 4 and 60."""
    report = merge_exports([("north.json", group_export(NORTH)),
                            ("south.json", group_export(SOUTH))])
    assert [g["group"] for g in report["groups"]] == ["north", "south"]
    north, south = report["groups"]
    assert [(m["meeting"], m["meetings"], m["attendance"]) for m in north["meetings"]] == [
        ("Fri Speaker", 1, 30), ("Mon Big Book", 2, 24)]
    assert (south["totals"]["meetings"], south["totals"]["attendance"]) == (1, 6)
    totals = report["totals"]
    assert (totals["meetings"], totals["attendance"], totals["newcomers"]) == (4, 60, 7)
    assert totals["chips"] == {"24h": 1, "30d": 4, "1y": 2}
    assert totals["collection"] == {"USD": "27.00"}  # 10 + 12 + 5
    assert totals["average_attendance"] == 15.0
    assert (report["from"], report["to"]) == ("2024-01-01", "2024-02-05")


def test_merge_by_month_adds_the_groups_per_month():
    report = merge_exports([("north.json", group_export(NORTH)),
                            ("south.json", group_export(SOUTH))], by="month")
    assert [(r["period"], r["meetings"], r["attendance"]) for r in report["rows"]] == [
        ("2024-01", 3, 46), ("2024-02", 1, 14)]
    assert [(r["period"], r["attendance"]) for r in report["groups"][1]["rows"]] == [
        ("2024-01", 6)]


def test_merge_regroups_monthly_exports_into_years_but_not_into_weeks():
    monthly = orjson.loads(dumps(export_document(select(NORTH), "month")))
    report = merge_exports([("north.json", monthly)], by="year")
    assert [(r["period"], r["meetings"], r["attendance"]) for r in report["rows"]] == [
        ("2024", 3, 54)]
    with pytest.raises(ValidationError, match="north.json: is grouped by month, which cannot"):
        merge_exports([("north.json", monthly)], by="week")


def test_merge_names_a_file_used_twice_apart():
    export = group_export(SOUTH)
    report = merge_exports([("a/south.json", export), ("b/south.json", export)])
    assert [g["group"] for g in report["groups"]] == ["south", "south (2)"]


@pytest.mark.parametrize("document, message", [
    ([], "x.json: is not a facilitator JSON export (make one with "
         "`facilitator export --format json`)"),
    ({"format": "other"}, "x.json: is not a facilitator JSON export"),
    ({"format": FORMAT, "version": 9, "rows": [], "meetings": []},
     "x.json: was written by a newer facilitator (export version 9)"),
    ({"format": FORMAT, "version": 1, "rows": {}, "meetings": []}, "x.json, rows: must be a list"),
    ({"format": FORMAT, "version": 1, "rows": [], "meetings": [{"meeting": "A",
                                                                "attendance": -3}]},
     "x.json, meetings[0], attendance: cannot be negative (-3)"),
    ({"format": FORMAT, "version": 1, "rows": [], "meetings": [{"collection": {"USD": 12.5}}]},
     "x.json, meetings[0], collection: 12.5 is not an amount written as text"),
])
def test_merge_refuses_what_is_not_a_valid_export(document, message):
    with pytest.raises(ValidationError) as caught:
        merge_exports([("x.json", document)])
    assert str(caught.value).startswith(message)


def test_totals_from_json_counts_an_occurrence_as_one_meeting():
    totals = totals_from_json({"date": "2024-01-01", "attendance": 5, "collection": "2.50",
                               "currency": "eur"}, "row")
    assert (totals.meetings, totals.attendance, dict(totals.collection)) == (1, 5, {"EUR": 250})
