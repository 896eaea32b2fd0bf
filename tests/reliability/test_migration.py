"""A version-0 file (plain TinyDB layout, dollars as floats) is kept as it was and migrated."""

from datetime import date, time

import orjson
import pytest
from tests.reliability.sample_store import write_version_0

from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.paths import migration_backup_path

CENTS = {"2023-05-02": 1250, "2023-05-09": 29, "2023-05-05": 700}


def test_a_writer_keeps_the_old_bytes_and_migrates(db_path):
    """With the first change: a .v0.bak equal to the original; collections in cents; the
    file at the new version. Until then the old file is left exactly as it was."""
    original = write_version_0(db_path)
    with Database.open(db_path) as database:
        records = database.records()
        meetings = database.meetings()
        assert db_path.read_bytes() == original
        assert not migration_backup_path(db_path, 0).exists()
        database.add_meeting(Meeting(name="Sunday Serenity"))
    assert migration_backup_path(db_path, 0).read_bytes() == original
    assert {r.date.isoformat(): r.collection for r in records} == CENTS
    assert {r.currency for r in records} == {"USD"}
    assert [(r.meeting, r.attendance, r.newcomers) for r in records] == [
        ("Tuesday Night", 14, 2), ("Tuesday Night", 11, 0), ("Friday Step", 6, 0)]
    assert meetings[1] == Meeting(name="Tuesday Night", days=(1,), start=time(19, 0))
    assert [m.name for m in Database.open(db_path, writer=False).meetings()] == [
        "Friday Step", "Sunday Serenity", "Tuesday Night"]
    stored = orjson.loads(db_path.read_bytes())
    assert stored["schema_version"] == CURRENT_VERSION
    assert sorted(stored["tables"]) == ["meetings", "records"]  # the empty _default is gone
    assert sorted(row["collection"] for row in stored["tables"]["records"].values()) == [
        29, 700, 1250]


def test_migration_happens_once_and_keeps_the_first_copy(db_path):
    """Changing again keeps the .v0.bak the original file; opening alone changes nothing."""
    original = write_version_0(db_path)
    for name in ("Sunday Serenity", "Monday Meditation"):
        with Database.open(db_path) as database:
            database.add_meeting(Meeting(name=name))
        migrated = db_path.read_bytes()
        Database.open(db_path).close()
        assert db_path.read_bytes() == migrated
        assert migration_backup_path(db_path, 0).read_bytes() == original


def test_a_refused_change_leaves_the_old_file_and_makes_no_copy(db_path):
    """A writer whose every change is refused writes nothing: no upgrade, no .v0.bak."""
    original = write_version_0(db_path)
    with Database.open(db_path) as database:
        with pytest.raises(ValidationError):
            database.add_meeting(Meeting(name="tuesday night"))  # the name is taken
    assert db_path.read_bytes() == original
    assert not migration_backup_path(db_path, 0).exists()


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


def test_migrated_rows_read_with_the_defaults_of_fields_they_lack(db_path):
    """A version-0 row has no chips, shares or note: read, it has each field's default."""
    write_version_0(db_path)
    with Database.open(db_path, writer=False) as database:
        records = database.records()
    assert [(dict(r.chips), r.over_time, r.note, r.start) for r in records] == [
        ({}, 0, "", None)] * 3


def test_the_app_locking_later_keeps_the_old_bytes_too(db_path):
    """Read before the lock, upgraded with the first change made after it."""
    original = write_version_0(db_path)
    with Database.open(db_path, lock_later=True) as database:
        database.take_lock()
        assert db_path.read_bytes() == original
        database.add_meeting(Meeting(name="Sunday Serenity"))
    assert migration_backup_path(db_path, 0).read_bytes() == original
    assert orjson.loads(db_path.read_bytes())["schema_version"] == CURRENT_VERSION
