"""Records read column by column are exactly those Record.from_dict reads, row by row."""

import io
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, time
from pathlib import Path
from types import MappingProxyType

import orjson

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.commands import doctor
from facilitator.core.errors import ValidationError
from facilitator.core.records.export_csv import OCCURRENCE_COLUMNS, occurrence_csv, parse_occurrence_csv
from facilitator.core.records.export_json import occurrence_json
from facilitator.core.records.record import FIELDS, Record
from facilitator.core.records.records import Records, records_from_columns
from facilitator.store.checked_tables import TABLES

GOOD_ROW = Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=20, newcomers=2,
                  chips={"30d": 1}, collection=3150, start=time(19), note="Rain.").to_dict()

odd_text = st.sampled_from(["M", " M", "M ", "M\u00a0", "\u3000M", "", "a\nb", "a\tb", "é",
                            "x" * 80, "x" * 81, "Ω≈ç", "\u200bM", "30d", "a\x1b]0;X\x07",
                            "\u202eM", "a\x7fb", "a\x85b"])
odd_count = st.one_of(st.integers(-2, 25), st.sampled_from(
    [True, False, 1.0, 2.5, "3", " 4", "x", "12.5", None, 1e308, float("nan"), 100_000,
     100_001, 10_000_001, 10**9 + 1, [], {}]))
odd_time = st.sampled_from([None, "19:00", "7.30", "19h05", " 19:00", "", "25:00", 1900, 0])
odd_map = st.one_of(st.dictionaries(odd_text, odd_count, max_size=2),
                    st.sampled_from([{}, [], "x", None]))
odd_value = {
    "meeting": odd_text, "note": odd_text, "chips": odd_map, "sections": odd_map,
    "date": st.sampled_from(["2024-03-05", "2024-02-30", "2025-13-01", "20240305",
                             "2024-W10-2", "0001-01-01", "1899-12-31", "9999-12-31",
                             "2024-03-05T10:00", 2024, None, []]),
    "currency": st.sampled_from(["USD", "usd", "US", "EURO", "U5D", " EUR", 840, None]),
    "start": odd_time, "end": odd_time, "collection": odd_count,
}


@st.composite
def stored_rows(draw) -> object:
    """A row as a damaged or hand-edited file might hold it: mostly good, sometimes not."""
    if draw(st.integers(0, 30)) == 0:
        return draw(st.sampled_from([[], "row", 5, None]))
    row = dict(GOOD_ROW)
    for name in draw(st.lists(st.sampled_from(list(FIELDS)), max_size=3, unique=True)):
        if draw(st.integers(0, 5)) == 0:
            del row[name]
        else:
            row[name] = draw(odd_value.get(name, odd_count))
    if draw(st.booleans()):
        row["unknown"] = 1
    return row


def one_by_one(rows):
    try:
        return "ok", [Record.from_dict(row) for row in rows]
    except ValidationError as error:
        return "refused", str(error)


@settings(max_examples=500)
@given(st.lists(stored_rows(), min_size=1, max_size=4))
def test_columns_give_what_from_dict_gives(rows):
    """The same records, or a refusal (None) exactly when a row is refused one by one."""
    expected = one_by_one(rows)
    columns = records_from_columns(rows)
    if expected[0] == "refused":
        assert columns is None
    elif columns is not None:
        assert list(columns) == expected[1]
        assert all(type(record.chips) is MappingProxyType for record in columns)


@settings(max_examples=300)
@given(st.lists(stored_rows(), min_size=1, max_size=4))
def test_the_table_checker_reads_what_from_dict_reads_and_names_the_first_problem(rows):
    """Accepted: the records one by one would give. Refused: the first row refused, by id."""
    documents = {str(n): row for n, row in enumerate(rows, 1)}
    checked = TABLES["records"](documents)
    expected = one_by_one(rows)
    if expected[0] == "ok":
        assert (checked.problems, list(checked.values)) == ([], expected[1])
        assert checked.ids == list(documents)
    else:
        first = next(n for n, row in enumerate(rows, 1) if one_by_one([row])[0] == "refused")
        assert checked.problems[0].document == f"record {first}"
        assert checked.problems[0].reason == one_by_one([rows[first - 1]])[1]


def test_valid_rows_are_not_checked_one_by_one(monkeypatch):
    """The column path is really taken for clean rows (it is what makes reading fast)."""
    rows = [dict(GOOD_ROW, date=f"2024-03-{day:02d}") for day in range(1, 29)]
    expected = [Record.from_dict(row) for row in rows]

    def refuse(*_):
        raise AssertionError("from_dict called")

    monkeypatch.setattr(Record, "from_dict", classmethod(refuse))
    assert list(TABLES["records"]({str(n): row for n, row in enumerate(rows)}).values) == expected


def test_counts_kept_as_digits_and_untrimmed_text_still_take_the_column_path():
    """Values the checks accept as they are or tidy (digits as text, spaces, lower case)."""
    rows = [dict(GOOD_ROW, attendance="20", meeting=" Tuesday Night ", currency="usd")]
    assert list(records_from_columns(rows)) == [Record.from_dict(GOOD_ROW)]


def test_a_record_read_from_rows_cannot_change_them():
    """Its counts are read-only; changing a stored row's count afterwards changes no record."""
    rows = [dict(GOOD_ROW, chips={"30d": 1})]
    records = records_from_columns(rows)
    with pytest.raises(TypeError):
        records[0].chips["30d"] = 7
    rows[0]["attendance"] = 99
    assert (rows[0]["chips"], records[0].attendance) == ({"30d": 1}, 20)


def test_older_rows_without_newer_fields_get_the_defaults():
    """A row stored before passes/sections existed reads as Record would complete it."""
    old = {key: value for key, value in GOOD_ROW.items() if key not in ("passes", "sections")}
    record = records_from_columns([old, dict(GOOD_ROW, date="2024-03-06")])[0]
    assert (record.passes, dict(record.sections)) == (0, {})


@pytest.mark.parametrize("change, message", [
    ({"attendance": -1}, "attendance: cannot be negative (-1)"),
    ({"newcomers": 21}, "newcomers: 21 is more than the attendance (20)"),
    ({"date": "2024-02-30"}, "date: '2024-02-30' is not YYYY-MM-DD"),
    ({"date": "0001-01-01"}, "date: 0001-01-01 is not from 1900-01-01 to 9998-12-31"),
    ({"meeting": "a\nb"}, "meeting: cannot contain control characters"),
    ({"collection": 1e308}, "collection: must be a whole number, not 1e+308"),
])
def test_one_bad_row_among_many_is_named_by_its_document(change, message):
    """A single damaged row among good ones is refused with its id, field and reason."""
    rows = {str(n): dict(GOOD_ROW, date=f"2023-01-{n:02d}") for n in range(1, 30)}
    rows["18"].update(change)
    problems = TABLES["records"](rows).problems
    assert [str(problem) for problem in problems] == [f"record 18: {message}"]


def test_records_is_a_sequence_of_record():
    """Index, slice, reverse, take, compare and add like a list of Record."""
    records = [Record.from_dict(dict(GOOD_ROW, date=f"2024-03-{day:02d}")) for day in (1, 2, 3)]
    table = Records.of(records)
    assert (len(table), table[0], table[-1]) == (3, records[0], records[2])
    assert table[::-1] == records[::-1] and table[1:] == records[1:]
    assert table.take([2, 0]) == [records[2], records[0]]
    assert table + Records.of(records[:1]) == records + records[:1]
    assert list(table.column("date")) == [date(2024, 3, day) for day in (1, 2, 3)]
    assert table != records[:2] and Records.of([]) == []
    with pytest.raises(TypeError):
        Records.of([GOOD_ROW])


def test_a_record_can_only_exist_when_valid():
    """No way around the checks: replace and make check like the constructor."""
    record = Record.from_dict(GOOD_ROW)
    for make in (lambda: record._replace(attendance=-1), lambda: record.edit(attendance=-1),
                 lambda: Record._make([*record[:2], -1, *record[3:]])):
        with pytest.raises(ValidationError, match="attendance: cannot be negative"):
            make()


@settings(max_examples=150, deadline=None)
@given(stored_rows())
def test_an_accepted_row_round_trips_and_a_refused_one_is_listed_by_doctor(row):
    """Accepted: stored again and read back, the same record; doctor finds nothing. Refused:
    doctor names the same problem the reads refuse with."""
    row = orjson.loads(orjson.dumps(row))  # as a file holds it (NaN is written as null)
    checked = TABLES["records"]({"1": row})
    meetings = {"1": {"name": checked.values[0].meeting}} if checked.values else {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facilitator.json"
        path.write_bytes(orjson.dumps({"schema_version": 1, "tables": {
            "meetings": meetings, "records": {"1": row}}}))
        out = io.StringIO()
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            status = doctor.check(path)
    if not isinstance(row, dict):  # the file's outline is wrong: no command reads it at all
        assert status == 2 and "table 'records' has the wrong shape" in out.getvalue()
    elif checked.problems:
        assert status == 1 and f"\n  {checked.problems[0]}\n" in out.getvalue()
    else:
        record = checked.values[0]
        assert list(TABLES["records"]({"1": record.to_dict()}).values) == [record]
        assert Record.from_dict(orjson.loads(orjson.dumps(record.to_dict()))) == record
        assert status == 0 and out.getvalue().endswith("ok: no problems found\n")


def test_every_field_is_in_every_export_and_in_the_stored_row():
    """A field declared in Record is stored, written to CSV and JSON and read back from CSV."""
    record = Record.from_dict(GOOD_ROW)
    assert set(record.to_dict()) == set(FIELDS) == set(OCCURRENCE_COLUMNS)
    (exported,) = occurrence_json(Records.of([record]))
    assert list(exported) == list(OCCURRENCE_COLUMNS)
    text = occurrence_csv(Records.of([record]))
    assert parse_occurrence_csv(text, today=date(2024, 6, 1)) == [record]
