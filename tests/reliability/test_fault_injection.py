"""A disk that fails mid-save: the old file stays byte-identical and memory stays true."""

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from tests.reliability.sample_store import RECORDS, companions, state

from facilitator import cli
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.errors import StorageFailed


def no_space() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def fail_rename_onto(monkeypatch, target: Path) -> None:
    """os.replace onto `target` fails as on a full disk; other renames work."""
    real_replace = os.replace

    def replace(source, destination, *args, **kwargs):
        if Path(destination) == target:
            raise no_space()
        return real_replace(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def fail_write_halfway(monkeypatch, _target: Path) -> None:
    """The first os.write stores half its bytes; the next one finds the disk full."""
    real_write, calls = os.write, []

    def write(fd, data):
        calls.append(fd)
        if len(calls) == 1:
            return real_write(fd, bytes(data[: max(1, len(data) // 2)]))
        raise no_space()

    monkeypatch.setattr(os, "write", write)


def fail_first_fsync(monkeypatch, _target: Path) -> None:
    """fsync of the new file reports an I/O error (a failing disk)."""
    def fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)


FAULTS = {"os.replace": fail_rename_onto, "os.write": fail_write_halfway,
          "os.fsync": fail_first_fsync}

NEW = Record(meeting="Friday Step", date=date(2024, 3, 15), attendance=11)
OPERATIONS = {
    "add a record": lambda db: db.add_record(NEW),
    "replace a record": lambda db: db.add_record(RECORDS[0].edit(attendance=30), replace=True),
    "add records": lambda db: db.add_records([NEW, NEW.edit(date=date(2024, 3, 22))]),
    "delete a record": lambda db: db.delete_record("Tuesday Night", date(2024, 3, 5)),
    "add a meeting": lambda db: db.add_meeting(Meeting(name="Sunday Serenity")),
    "rename a meeting": lambda db: db.update_meeting("Tuesday Night", Meeting(name="Tue Late")),
    "remove a meeting and its records":
        lambda db: db.remove_meeting("Tuesday Night", with_records=True),
    "save settings": lambda db: db.save_settings(GroupSettings(currency="EUR")),
    "save stock": lambda db: db.save_stock({"30d": {"on_hand": 0, "reorder_at": 5}}),
}
AFTER = Meeting(name="After The Failure")


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_failed_save_changes_nothing_on_disk_or_in_memory(populated, monkeypatch, operation,
                                                             fault):
    """StorageFailed; same bytes; same state in memory; the next write lacks the failed change."""
    files_before = companions(populated)
    with Database.open(populated) as database:
        before = state(database)
        with monkeypatch.context() as patch:
            FAULTS[fault](patch, populated)
            with pytest.raises(StorageFailed) as caught:
                OPERATIONS[operation](database)
        assert companions(populated) == files_before
        assert str(populated) in str(caught.value)
        assert "the previous version is intact" in str(caught.value)
        assert state(database) == before
        database.add_meeting(AFTER)
        expected = (sorted([*before[0], AFTER], key=lambda m: m.key), *before[1:])
        assert state(database) == expected
    with Database.open(populated, writer=False) as reopened:
        assert state(reopened) == expected


def test_a_failed_save_names_the_disk_problem(populated, monkeypatch):
    """The message says what the system said (disk full), not a generic failure."""
    with Database.open(populated) as database:
        fail_rename_onto(monkeypatch, populated)
        with pytest.raises(StorageFailed, match="No space left on device"):
            database.add_record(NEW)


def test_a_reader_cannot_write_and_keeps_its_state(populated):
    """A database opened for reading refuses a write and still shows the file's content."""
    files_before = companions(populated)
    with Database.open(populated, writer=False) as reader:
        before = state(reader)
        with pytest.raises(StorageFailed, match="reading only"):
            reader.add_meeting(Meeting(name="Not Saved"))
        assert state(reader) == before
    assert companions(populated) == files_before


@pytest.mark.parametrize("arguments", [
    ["record", "--meeting", "Friday Step", "--date", "2024-03-15", "--attendance", "11"],
    ["meetings", "add", "Sunday Serenity"],
    ["meetings", "remove", "Friday Step", "--with-records"],
])
def test_the_command_line_reports_a_failed_save_in_one_line(populated, monkeypatch, capsys,
                                                            arguments):
    """Exit status 2, one line on stderr naming the file, no traceback, same bytes."""
    files_before = companions(populated)
    fail_rename_onto(monkeypatch, populated)
    code = cli.main(["--db", str(populated), *arguments])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith(f"facilitator: could not save {populated} (No space left")
    assert captured.err.count("\n") == 1
    assert captured.out == ""
    assert companions(populated) == files_before


@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_change_is_one_atomic_write(populated, monkeypatch, operation):
    """A change touching several tables still replaces the file once: all of it or none."""
    real_replace, renames = os.replace, []

    def replace(source, destination, *args, **kwargs):
        renames.append(Path(destination))
        return real_replace(source, destination, *args, **kwargs)

    with Database.open(populated) as database:
        monkeypatch.setattr(os, "replace", replace)
        OPERATIONS[operation](database)
    assert renames.count(populated) == 1
