"""A version-0 file (plain TinyDB layout, dollars as floats) is kept as it was and migrated."""

from datetime import date, time

import orjson
from sample_store import write_version_0

from facilitator.core.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.paths import migration_backup_path

CENTS = {"2023-05-02": 1250, "2023-05-09": 29, "2023-05-05": 700}


def test_a_writer_keeps_the_old_bytes_and_migrates(db_path):
    """A .v0.bak equal to the original; collections in cents; the file at the new version."""
    original = write_version_0(db_path)
    with Database.open(db_path) as database:
        records = database.records()
        meetings = database.meetings()
    assert migration_backup_path(db_path, 0).read_bytes() == original
    assert {r.date.isoformat(): r.collection for r in records} == CENTS
    assert {r.currency for r in records} == {"USD"}
    assert [(r.meeting, r.attendance, r.newcomers) for r in records] == [
        ("Tuesday Night", 11, 0), ("Friday Step", 6, 0), ("Tuesday Night", 14, 2)]
    assert meetings[1] == Meeting(name="Tuesday Night", days=(1,), start=time(19, 0))
    stored = orjson.loads(db_path.read_bytes())
    assert stored["schema_version"] == CURRENT_VERSION
    assert sorted(stored["tables"]) == ["meetings", "records"]  # the empty _default is gone
    assert sorted(row["collection"] for row in stored["tables"]["records"].values()) == [
        29, 700, 1250]


def test_migration_happens_once_and_keeps_the_first_copy(db_path):
    """Opening again changes nothing; the .v0.bak stays the original file."""
    original = write_version_0(db_path)
    Database.open(db_path).close()
    migrated = db_path.read_bytes()
    Database.open(db_path).close()
    assert db_path.read_bytes() == migrated
    assert migration_backup_path(db_path, 0).read_bytes() == original


def test_a_reader_migrates_in_memory_only(db_path):
    """Reading (no lock) never writes: the old file stays, and reads as migrated."""
    original = write_version_0(db_path)
    with Database.open(db_path, writer=False) as database:
        assert {r.date.isoformat(): r.collection for r in database.records()} == CENTS
    assert db_path.read_bytes() == original
    assert not migration_backup_path(db_path, 0).exists()


def test_records_added_after_migration_sit_beside_the_old_ones(db_path, run_cli):
    """The command line migrates on its first write and goes on as usual."""
    original = write_version_0(db_path)
    code, out, _ = run_cli("meetings", "list")
    assert code == 0 and "Friday Step" in out and db_path.read_bytes() == original
    code, _, err = run_cli("record", "--meeting", "friday step", "--date", "2023-05-12",
                           "--attendance", "8", "--collection", "9.75")
    assert (code, err) == (0, "")
    assert migration_backup_path(db_path, 0).read_bytes() == original
    with Database.open(db_path, writer=False) as database:
        assert database.find_record("Friday Step", date(2023, 5, 12)).collection == 975
        assert database.find_record("Friday Step", date(2023, 5, 5)).collection == 700


def test_migrated_rows_have_every_field_of_a_record(db_path):
    """Rows are read as stored by the fast paths: a migrated row must be whole too."""
    write_version_0(db_path)
    with Database.open(db_path) as database:
        rows = database.record_rows()
        shapes = {tuple(sorted(record.to_dict())) for record in database.records()}
    assert {tuple(sorted(row)) for row in rows} == shapes
    assert all(row["chips"] == {} and row["over_time"] == 0 for row in rows)
