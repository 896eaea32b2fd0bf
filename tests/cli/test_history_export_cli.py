"""`facilitator history|export|import|merge|demo`, run in-process against temporary databases."""

import csv
import io
import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest

from facilitator.commands.demo import create_demo_database
from facilitator.core.meeting import actions, handlers, session
from facilitator.core.records.export_csv import OCCURRENCE_COLUMNS
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.statistics import oldest_first
from facilitator.store.database import Database

HEADER = ",".join(OCCURRENCE_COLUMNS)


def stored_rows(path):
    """Every record as stored, oldest first."""
    with Database.open(path, writer=False) as database:
        return [record.to_dict() for record in oldest_first(database.records())]


def add_group(cli, db, meetings, records):
    """A group's database made with the commands a secretary types."""
    for name in meetings:
        assert cli("--db", db, "meetings", "add", name)[0] == 0
    for meeting, day, attendance, newcomers, collection in records:
        status, _, err = cli("--db", db, "record", "--meeting", meeting, "--date", day,
                             "--attendance", attendance, "--newcomers", newcomers,
                             "--collection", collection)
        assert status == 0, err


def test_export_import_export_is_byte_identical(cli, tmp_path):
    """A year of demo records goes out as CSV, into a fresh database, and out again unchanged."""
    first_db, second_db = tmp_path / "first.json", tmp_path / "second.json"
    count = create_demo_database(first_db, seed=5, today=date(2024, 6, 1))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert cli("--db", first_db, "export", "--format", "csv", "-o", first) == (
        0, f"exported {count} records to {first}\n", "")
    status, out, err = cli("--db", second_db, "import", first)
    assert (status, err) == (0, "")
    assert out.startswith(f"imported {count} records and created 3 meetings: ")
    assert cli("--db", second_db, "export", "--format", "csv", "-o", second)[0] == 0
    assert second.read_bytes() == first.read_bytes()
    assert stored_rows(second_db) == stored_rows(first_db)
    assert first.stat().st_mode & 0o777 == 0o600
    status, out, _ = cli("--db", second_db, "export", "--format", "csv")
    assert out.encode("utf-8") == first.read_bytes()


BAD_CELLS = [
    ("x", "0", "2024-01-09", "", "", "row 3, attendance: must be a whole number, not 'x'"),
    ("20", "21", "2024-01-09", "", "", "row 3, newcomers: 21 is more than the attendance (20)"),
    ("20", "-2", "2024-01-09", "", "", "row 3, newcomers: must be a whole number, not '-2'"),
    ("20", "0", "2024-02-30", "", "",
     "row 3, date: 2024-02-30 does not exist: February 2024 has 29 days"),
    ("20", "0", "2999-01-01", "", "", "row 3, date: 2999-01-01 is in the future"),
    ("20", "0", "2024-01-09", "1O.00", "",
     "row 3, collection: '1O.00' is not an amount; type it like 12.50 (two decimals at most)"),
    ("20", "0", "2024-01-09", "", "30d=1", "row 3, chips: '30d=1' is not name:count, e.g. 30d:2"),
]


@pytest.mark.parametrize("attendance, newcomers, day, collection, chips, message", BAD_CELLS)
def test_import_with_a_bad_row_writes_nothing(cli, db_path, tmp_path, attendance, newcomers,
                                              day, collection, chips, message):
    """The error names the row and the column; the database file is not touched."""
    add_group(cli, db_path, ["Tue"], [("Tue", "2024-01-02", 20, 1, "10.00")])
    before = db_path.read_bytes()
    good = "2024-01-03,New Meeting,15,0,0,0,0,0,0,0,,0.00,USD,,,,,"
    bad = (f"{day},Tue,{attendance},{newcomers},0,0,0,0,0,0,{chips},{collection},USD,,,,,")
    (tmp_path / "in.csv").write_text(f"{HEADER}\r\n{good}\r\n{bad}\r\n", encoding="utf-8")
    assert cli("import", tmp_path / "in.csv") == (1, "", f"facilitator: {message}\n")
    assert db_path.read_bytes() == before


def test_import_refuses_an_existing_record_unless_replace(cli, db_path, tmp_path):
    add_group(cli, db_path, ["Tue"], [("Tue", "2024-01-02", 20, 1, "10.00")])
    before = db_path.read_bytes()
    file = tmp_path / "in.csv"
    file.write_text(f"{HEADER}\r\n2024-01-09,tue,18,0,0,0,0,0,0,0,,5.00,USD,,,,,\r\n"
                    f"2024-01-02,TUE,25,3,0,0,0,0,0,0,30d:1,12.00,USD,,,,,\r\n")
    assert cli("import", file) == (1, "", "facilitator: row 3, date: 'TUE' already has a record "
                                          "for 2024-01-02; add --replace to overwrite it\n")
    assert db_path.read_bytes() == before
    assert cli("import", file, "--replace") == (0, "imported 2 records\n", "")
    rows = stored_rows(db_path)
    assert [(r["meeting"], r["date"], r["attendance"], r["chips"]) for r in rows] == [
        ("Tue", "2024-01-02", 25, {"30d": 1}), ("Tue", "2024-01-09", 18, {})]


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe not utf-8", "file: in.csv is not UTF-8 text; save it from the spreadsheet as "
                            "\"CSV UTF-8\""),
    (b"", "file: is empty; the first row must name the columns"),
])
def test_import_of_an_unreadable_file(cli, db_path, tmp_path, content, message):
    (tmp_path / "in.csv").write_bytes(content)
    assert cli("import", tmp_path / "in.csv") == (1, "", f"facilitator: {message}\n")


NORTH = [("Mon", "2024-01-01", 10, 1, "10.00"), ("Mon", "2024-02-05", 14, 0, "12.00"),
         ("Fri", "2024-01-05", 30, 4, "0")]
SOUTH = [("Mon", "2024-01-08", 6, 2, "5.00"), ("Mon", "2024-01-15", 8, 0, "6.50")]


def test_merge_of_two_groups_against_hand_computed_totals(cli, tmp_path):
    """North: 3 meetings, 54 people, 22.00; south: 2 meetings, 14 people, 11.50."""
    for name, records in (("north", NORTH), ("south", SOUTH)):
        add_group(cli, tmp_path / f"{name}.db", ["Mon", "Fri"][:2 if name == "north" else 1],
                  records)
        assert cli("--db", tmp_path / f"{name}.db", "export", "--format", "json",
                   "-o", tmp_path / f"{name}.json")[0] == 0
    out = tmp_path / "intergroup.json"
    status, said, _ = cli("merge", tmp_path / "north.json", tmp_path / "south.json", "-o", out,
                          "--by", "month")
    assert (status, said) == (0, f"merged 2 groups (5 meetings held, 68 attendance) into {out}\n")
    report = json.loads(out.read_text())
    north, south = report["groups"]
    assert [(m["meeting"], m["meetings"], m["attendance"]) for m in north["meetings"]] == [
        ("Fri", 1, 30), ("Mon", 2, 24)]
    assert (south["totals"]["attendance"], south["totals"]["collection"]) == (14, {"USD": "11.50"})
    totals = report["totals"]
    assert (totals["meetings"], totals["attendance"], totals["newcomers"]) == (5, 68, 7)
    assert totals["collection"] == {"USD": "33.50"}
    assert totals["average_attendance"] == 13.6
    assert [(r["period"], r["meetings"], r["attendance"]) for r in report["rows"]] == [
        ("2024-01", 4, 54), ("2024-02", 1, 14)]


def test_merge_of_a_file_that_is_not_an_export_writes_nothing(cli, tmp_path):
    (tmp_path / "a.json").write_text('{"hello": 1}')
    (tmp_path / "b.json").write_text("{cut short")
    out = tmp_path / "out.json"
    assert cli("merge", tmp_path / "a.json", "-o", out)[2] == (
        f"facilitator: {tmp_path / 'a.json'}: is not a facilitator JSON export "
        "(make one with `facilitator export --format json`)\n")
    assert cli("merge", tmp_path / "b.json", "-o", out)[2] == (
        f"facilitator: {tmp_path / 'b.json'}: is not valid JSON\n")
    assert not out.exists()


def test_history_json(cli, db_path):
    add_group(cli, db_path, ["Mon", "Fri"], NORTH)
    status, out, _ = cli("history", "--json", "--by", "month", "--meeting", "mon")
    report = json.loads(out)
    assert [(r["period"], r["meetings"], r["attendance"]) for r in report["rows"]] == [
        ("2024-01", 1, 10), ("2024-02", 1, 14)]
    assert report["totals"]["attendance"] == 24
    assert report["summary"]["median_attendance"] == 12.0
    status, out, _ = cli("history", "--json", "--from", "2024-01-02", "--to", "2024-12-31")
    report = json.loads(out)
    assert [r["date"] for r in report["rows"]] == ["2024-01-05", "2024-02-05"]
    assert report["summary"]["year_before"]["from"] == "2023-01-02"


def test_history_table(cli, db_path):
    add_group(cli, db_path, ["Mon", "Fri"], NORTH)
    status, out, _ = cli("history", "--by", "month")
    lines = out.splitlines()
    assert lines[0] == "All meetings, 2024-01-01 to 2024-02-05"
    assert lines[2].split() == ["Period", "Meetings", "Attendance", "Average", "Newcomers",
                                "Visitors", "Online", "Shares", "Chips", "Collection"]
    assert lines[4].split() == ["2024-01", "2", "40", "20.0", "5", "0", "0", "0", "0", "10.00",
                                "USD"]
    assert "Median attendance        14.0" in lines


def test_history_of_an_empty_database_says_what_to_do(cli, db_path):
    cli("meetings", "add", "Mon")
    assert cli("history")[1].startswith("no records yet; add one with `facilitator record`")


@pytest.mark.parametrize("argv, message", [
    (["history", "--meeting", "Nobody"],
     "meeting: there is no meeting named 'Nobody'; see `facilitator meetings list`"),
    (["history", "--from", "2024-03-01", "--to", "2024-02-01"],
     "to: 2024-02-01 is before --from 2024-03-01"),
    (["export", "--format", "csv", "--from", "31/31/2024"], "from: there is no month 31"),
])
def test_bad_options_are_one_line(cli, db_path, argv, message):
    cli("meetings", "add", "Mon")
    assert cli(*argv) == (1, "", f"facilitator: {message}\n")


def test_export_markdown_and_grouped_csv(cli, db_path):
    add_group(cli, db_path, ["Mon", "Fri"], NORTH)
    out = cli("export", "--format", "md", "--by", "month", "--meeting", "Mon")[1]
    assert out.startswith("# Attendance report: Mon\n")
    assert "| 2024-02 | 1 | 14 | 14.0 | 0 | 0 | 0 | 0 | 0 | 12.00 USD |" in out
    out = cli("export", "--format", "csv", "--by", "year")[1]
    assert out.splitlines()[1] == "2024,3,54,18.0,5,0,0,0,0,0,0,,22.00,USD"


NAMES = ("Alexandra", "Bartholomew", "Concepción")


def test_exports_hold_counts_only(cli, db_path, tmp_path):
    """A meeting run with named sign-ins, plus a record typed with a note: no name gets out."""
    add_group(cli, db_path, ["Tue"], [])
    state = session.start(session.start_action(Meeting("Tue"), date(2024, 1, 2),
                                               datetime(2024, 1, 2, 19, 0), "USD"))
    for number, name in enumerate(NAMES):
        state = handlers.apply(state, actions.SignIn(name=name, newcomer=number == 0), 0.0)
    with Database.open(db_path) as database:
        database.add_record(state.to_record(datetime(2024, 1, 2, 20, 0), 3600.0))
    assert cli("record", "--meeting", "Tue", "--date", "2024-01-09", "--attendance", "17",
               "--newcomers", "2", "--note", "Business meeting after")[0] == 0
    outputs = [cli("export", "--format", form, "--by", by)[1]
               for form in ("csv", "json", "md") for by in ("occurrence", "month")]
    outputs += [cli("history")[1], cli("history", "--json")[1]]
    for text in outputs:
        assert not any(name.casefold() in text.casefold() for name in NAMES)
    rows = list(csv.DictReader(io.StringIO(outputs[0])))
    assert [{k: v for k, v in row.items() if v not in ("", "0", "0.00")} for row in rows] == [
        {"date": "2024-01-02", "meeting": "Tue", "attendance": "3", "newcomers": "1",
         "currency": "USD", "start": "19:00", "end": "20:00"},
        {"date": "2024-01-09", "meeting": "Tue", "attendance": "17", "newcomers": "2",
         "currency": "USD", "note": "Business meeting after"},
    ]
    assert not any(name.encode() in db_path.read_bytes() for name in NAMES)


def test_demo_no_open_creates_a_year_of_records(cli, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    status, out, _ = cli("demo", "--no-open")
    path = out.strip()
    assert status == 0 and path.startswith(str(tmp_path))
    with Database.open(path, writer=False) as database:
        meetings = database.meetings()
        rows = database.records()
    assert 2 <= len(meetings) <= 3
    days = sorted(record.date.isoformat() for record in rows)
    assert len(rows) > 120
    assert days[-1] < date.today().isoformat() <= str(int(days[0][:4]) + 1) + days[0][4:]


def test_the_online_part_of_the_collection_goes_out_and_back(cli, tmp_path):
    """Hybrid meetings: the amount given online is kept beside the whole collection, in the
    CSV (its own column) and the JSON (its own key); import reads it back byte for byte."""
    first_db, second_db = tmp_path / "first.json", tmp_path / "second.json"
    assert cli("--db", first_db, "meetings", "add", "Tue")[0] == 0
    status, _, err = cli("--db", first_db, "record", "--meeting", "Tue", "--date", "2024-01-09",
                         "--attendance", "20", "--online", "6", "--collection", "47.25",
                         "--collection-online", "12.00")
    assert (status, err) == (0, "")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert cli("--db", first_db, "export", "--format", "csv", "-o", first)[0] == 0
    row = next(csv.DictReader(io.StringIO(first.read_text())))
    assert (row["collection"], row["collection_online"]) == ("47.25", "12.00")
    assert cli("--db", second_db, "import", first)[0] == 0
    assert cli("--db", second_db, "export", "--format", "csv", "-o", second)[0] == 0
    assert second.read_bytes() == first.read_bytes()
    assert stored_rows(second_db)[0]["collection_online"] == 1200
    status, out, _ = cli("--db", second_db, "export", "--format", "json")
    assert json.loads(out)["rows"][0]["collection_online"] == "12.00"


def test_more_online_than_the_whole_collection_is_refused(cli, tmp_path):
    assert cli("meetings", "add", "Tue")[0] == 0
    assert cli("record", "--meeting", "Tue", "--date", "2024-01-09", "--attendance", "5",
               "--collection", "10", "--collection-online", "10.01") == (
        1, "", "facilitator: collection_online: cannot be more than the whole collection\n")


def test_a_csv_from_before_the_online_amount_still_imports(cli, db_path, tmp_path):
    old_header = HEADER.removesuffix(",collection_online")
    (tmp_path / "old.csv").write_text(old_header + "\r\n2024-01-09,Tue,20,,,,,,,,,31.50,USD,,,,\r\n")
    assert cli("import", tmp_path / "old.csv")[0] == 0
    assert stored_rows(db_path)[0]["collection_online"] == 0


def test_demo_no_open_says_how_to_open_and_remove_it_and_is_marked_demo(cli, monkeypatch,
                                                                         tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    status, out, err = cli("demo", "--no-open")
    path = out.strip()
    folder = str(Path(path).parent)
    assert status == 0 and out == f"{path}\n"  # stdout stays the path alone, for scripts
    assert err.splitlines() == [f"open it:   facilitator --db {path}",
                                f"remove it: rm -r {folder}"]
    with Database.open(path, writer=False) as database:
        assert database.settings().demo is True


def test_counts_of_one_are_singular(cli, db_path, tmp_path):
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name="Tuesday Night"))
    assert cli("record", "--meeting", "Tuesday Night", "--date", "2024-03-05",
               "--attendance", "9", "--newcomers", "1")[0] == 0
    out_file = tmp_path / "one.csv"
    assert cli("export", "--format", "csv", "-o", out_file)[1] == (
        f"exported 1 record to {out_file}\n")
