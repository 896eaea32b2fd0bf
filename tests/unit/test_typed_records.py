"""The typed decoder's fast path accepts only what the usual checker accepts, and gives the
same records; anything it refuses goes the usual way (store/typed_records.py)."""

from datetime import date

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.store import loader
from facilitator.store.checked_tables import TABLES
from facilitator.store.database import Database
from facilitator.store.loader import _numbered_documents
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.typed_records import CheckedInAdvance, read_fast
from tests.unit.test_records import GOOD_ROW, stored_rows


def fast_records(documents: dict) -> tuple[list[str], object] | None:
    """What the fast path makes of a file holding these records: (ids, records) or None."""
    raw = orjson.dumps({"schema_version": CURRENT_VERSION, "tables": {"records": documents}})
    content = read_fast(raw, CURRENT_VERSION, _numbered_documents)
    if content is None:
        return None
    table = content["tables"]["records"]
    return table.ids, table.values


@settings(max_examples=300)
@given(st.lists(stored_rows(), max_size=4))
def test_the_fast_path_gives_what_the_table_checker_gives_or_steps_aside(rows):
    documents = {str(n): row for n, row in enumerate(rows, 1)}
    fast = fast_records(documents)
    checked = TABLES["records"](documents)
    if fast is not None:  # never accepts what the checker refuses, never reads it otherwise
        assert checked.problems == []
        assert fast == (checked.ids, checked.values)
        assert list(fast[1]) == list(checked.values)


def test_digits_kept_as_text_go_the_usual_way():
    documents = {"1": GOOD_ROW, "2": {**GOOD_ROW, "date": "2024-03-06", "attendance": "12"}}
    assert fast_records(documents) is None
    assert TABLES["records"](documents).values[1].attendance == 12


@pytest.mark.parametrize("change", [{"note": " trimmed "}, {"currency": "usd"}])
def test_text_the_checker_changes_is_changed_alike(change):
    documents = {"1": GOOD_ROW, "2": {**GOOD_ROW, "date": "2024-03-06", **change}}
    checked = TABLES["records"](documents)
    assert fast_records(documents) == (checked.ids, checked.values)
    assert (checked.values[1].note, checked.values[1].currency) in {("trimmed", "USD"),
                                                                    ("Rain.", "USD")}


@pytest.mark.parametrize("change", [
    {"attendance": 100_001}, {"attendance": 12.0}, {"attendance": True}, {"newcomers": 21},
    {"date": "2024-02-30"}, {"date": "1899-12-31"}, {"meeting": ""}, {"meeting": "a\x1bb"},
    {"chips": {"30d": -1}}, {"chips": {"": 1}}, {"start": "25:00"}, {"collection": -1},
])
def test_a_damaged_value_is_never_taken_by_the_fast_path(change):
    documents = {"1": GOOD_ROW, "2": {**GOOD_ROW, "date": "2024-03-06", **change}}
    assert fast_records(documents) is None
    assert TABLES["records"](documents).problems[0].document == "record 2"


@pytest.mark.parametrize("ids", [["1", "x"], ["1", ""], ["1", "²"]])
def test_ids_that_are_not_document_numbers_go_the_usual_way(ids):
    assert fast_records(dict.fromkeys(ids, GOOD_ROW)) is None


@pytest.fixture
def one_pass_for_any_size(monkeypatch):
    """The database reads even a file of three records in one pass, as it reads a large one."""
    monkeypatch.setattr(loader, "ONE_PASS_FROM_BYTES", 0)


@pytest.mark.parametrize("below, one_pass", [(0, True), (1, False)])
def test_a_file_is_read_in_one_pass_from_its_size_on(tmp_path, monkeypatch, below, one_pass):
    path = tmp_path / "x.json"
    rows = {str(n): {**GOOD_ROW, "date": date(2024, 1, n).isoformat()} for n in range(1, 4)}
    path.write_bytes(orjson.dumps({"schema_version": 1, "tables": {"records": rows}}))
    monkeypatch.setattr(loader, "ONE_PASS_FROM_BYTES", path.stat().st_size + below)
    with Database.open(path, writer=True) as db:
        in_advance = db._db.storage.checked_in_advance("records")
        assert isinstance(in_advance, CheckedInAdvance) is one_pass
        assert [record.date.day for record in db.records()] == [1, 2, 3]  # either way


def test_a_database_opened_reads_the_checked_records_and_writes_whole_documents(
        tmp_path, one_pass_for_any_size):
    path = tmp_path / "x.json"
    rows = {str(n): {**GOOD_ROW, "date": date(2024, 1, n).isoformat()} for n in range(1, 4)}
    path.write_bytes(orjson.dumps({"schema_version": 1, "tables": {"records": rows}}))
    with Database.open(path, writer=True) as db:
        assert isinstance(db._db.storage.checked_in_advance("records"), CheckedInAdvance)
        records = db.records()
        assert [record.date.day for record in records] == [1, 2, 3]
        db.delete_record(records[0].meeting, records[0].date)
        assert db._db.storage.checked_in_advance("records") is None
    stored = orjson.loads(path.read_bytes())["tables"]["records"]
    assert stored == {"2": rows["2"], "3": rows["3"]}


def test_counting_the_stored_records_never_makes_their_documents(tmp_path,
                                                                 one_pass_for_any_size):
    path = tmp_path / "x.json"
    rows = {str(n): {**GOOD_ROW, "date": date(2024, 1, n).isoformat()} for n in range(1, 4)}
    path.write_bytes(orjson.dumps({"schema_version": 1, "tables": {"records": rows}}))
    with Database.open(path, writer=True) as db:
        assert db.stored_record_count() == 3  # before the records are read
        assert isinstance(db._db.storage.checked_in_advance("records"), CheckedInAdvance)
        db.delete_record(GOOD_ROW["meeting"], date(2024, 1, 2))
        assert db.stored_record_count() == 2  # after a write, as the table holds them
        assert len(db._stored("records")) == 2


def test_equal_values_read_by_the_fast_path_are_held_once():
    documents = {str(n): {**GOOD_ROW, "date": date(2024, 1, 1 + n % 2).isoformat(),
                          "collection": 3150 + n % 2} for n in range(1, 7)}
    _, records = fast_records(documents)
    for name, distinct in [("meeting", 1), ("date", 2), ("collection", 2), ("currency", 1)]:
        column = records.column(name)
        assert len(set(map(id, column))) == len(set(column)) == distinct, name
    assert records == TABLES["records"](documents).values


def _file(tables: dict) -> bytes:
    return orjson.dumps({"schema_version": CURRENT_VERSION, "tables": tables})


def test_the_other_tables_are_read_as_documents_in_the_same_pass():
    tables = {"meetings": {"1": {"name": "Tuesday Night"}}, "records": {"1": GOOD_ROW},
              "settings": {"1": {"group_name": "Group"}}}
    content = read_fast(_file(tables), CURRENT_VERSION, _numbered_documents)
    assert content["tables"]["meetings"] == tables["meetings"]
    assert content["tables"]["settings"] == tables["settings"]
    assert "ledger" not in content["tables"]  # a table the file does not hold is not made
    assert content["tables"]["records"].documents() == tables["records"]


@pytest.mark.parametrize("tables", [
    {"records": {"1": GOOD_ROW}, "later": {"1": {"x": 1}}},  # a table this version lacks
    {"records": {"1": GOOD_ROW}, "meetings": []},  # a table of the wrong shape
    {"meetings": {}},  # no records table
])
def test_a_file_the_fast_path_does_not_know_goes_the_usual_way(tables):
    assert read_fast(_file(tables), CURRENT_VERSION, _numbered_documents) is None


def test_a_table_this_version_does_not_know_is_kept_by_the_usual_reading(tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(_file({"records": {"1": GOOD_ROW}, "later": {"1": {"x": 1}}}))
    with Database.open(path, writer=True) as db:
        assert [record.meeting for record in db.records()] == [GOOD_ROW["meeting"]]
        db.delete_record(GOOD_ROW["meeting"], date(2024, 3, 5))
    assert orjson.loads(path.read_bytes())["tables"]["later"] == {"1": {"x": 1}}
