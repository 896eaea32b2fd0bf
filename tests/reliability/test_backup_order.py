"""The backup is written before the database, and a full disk at any step of a save leaves
files that match what the message says."""

import errno
import os
import shutil
import stat
from datetime import date
from pathlib import Path

import pytest
from tests.reliability.sample_store import companions

from facilitator import cli
from facilitator.core.records.record import Record
from facilitator.store.database import Database
from facilitator.store.errors import StorageFailed
from facilitator.store.paths import backup_paths

NEW = Record(meeting="Friday Step", date=date(2024, 3, 15), attendance=11, note="new one")
WATCHED = ("write", "fsync", "replace")


def no_space() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def watch(monkeypatch, fail_at: int | None = None) -> list[str]:
    """Patch os.write/fsync/replace: list each call in order; call number `fail_at` fails."""
    steps: list[str] = []
    real = {name: getattr(os, name) for name in WATCHED}

    def watched(name):
        def call(*args, **kwargs):
            steps.append(describe(name, args))
            if len(steps) - 1 == fail_at:
                raise no_space()
            return real[name](*args, **kwargs)
        return call

    for name in WATCHED:
        monkeypatch.setattr(os, name, watched(name))
    return steps


def describe(name: str, args: tuple) -> str:
    if name == "replace":
        return f"replace onto {Path(args[1]).name}"
    if name == "fsync" and stat.S_ISDIR(os.fstat(args[0]).st_mode):
        return "fsync of the folder"
    return f"{name} of a file"


def fresh_copy(populated: Path, tmp_path: Path, number: int) -> Path:
    folder = tmp_path / f"copy-{number}"
    shutil.copytree(populated.parent, folder)
    return folder / populated.name


def save_steps(populated: Path, tmp_path: Path) -> list[str]:
    """The calls one record save makes, on a copy of the sample database."""
    db = fresh_copy(populated, tmp_path, 999)
    with Database.open(db) as database, pytest.MonkeyPatch.context() as patch:
        steps = watch(patch)
        database.add_record(NEW)
    return steps


def test_the_backup_is_written_before_the_database(populated, tmp_path):
    """Every backup step comes before the database's new file is even written."""
    steps = save_steps(populated, tmp_path)
    onto_database = steps.index(f"replace onto {populated.name}")
    onto_newest = steps.index(f"replace onto {backup_paths(populated)[0].name}")
    assert onto_newest < onto_database
    # the backup's own file and the folder after the rotation are synced before the database
    # file is written
    assert steps[onto_newest + 1] == "fsync of the folder"
    assert steps[onto_newest + 2:] == ["write of a file", "fsync of a file",
                                      f"replace onto {populated.name}", "fsync of the folder"]


def test_a_full_disk_at_every_step_of_a_save_leaves_what_the_message_says(populated,
                                                                          tmp_path):
    """Before the database is replaced: nothing changed, backups included. After it (the
    folder's sync): the record is saved, the message says so, the backup holds it."""
    steps = save_steps(populated, tmp_path)
    assert len(steps) >= 9
    last = len(steps) - 1
    for number, step in enumerate(steps):
        db = fresh_copy(populated, tmp_path, number)
        before = companions(db)
        with Database.open(db) as database, pytest.MonkeyPatch.context() as patch:
            watch(patch, fail_at=number)
            with pytest.raises(StorageFailed) as caught:
                database.add_record(NEW)
            patch.undo()
            message = str(caught.value)
            found = database.find_record(NEW.meeting, NEW.date)
        where = f"step {number} ({step})"
        assert "No space left on device" in message, where
        if number < last:
            assert companions(db) == before, where  # database and every backup, byte for byte
            assert "nothing was saved" in message or message.endswith(
                "the previous version is intact"), where
            assert "saved " not in message.split(";")[0].replace("could not save", ""), where
            assert found is None, where
        else:
            assert message.startswith(f"saved {db}, but the disk reported"), where
            assert found == NEW, where
            assert backup_paths(db)[0].read_bytes() == db.read_bytes(), where
            assert backup_paths(db)[1].read_bytes() == before[backup_paths(db)[0].name], where
        assert list(db.parent.glob(".*.tmp")) == [], where
        with Database.open(db, writer=False) as reopened:
            assert (reopened.find_record(NEW.meeting, NEW.date) == NEW) is (number == last), where


def test_a_backup_that_cannot_be_written_saves_nothing_and_says_so(populated, monkeypatch):
    """The first write (the backup's) fails: the record is not saved and the message says
    nothing was saved and the backups are as they were."""
    before = companions(populated)
    with Database.open(populated) as database:
        watch(monkeypatch, fail_at=0)
        with pytest.raises(StorageFailed) as caught:
            database.add_record(NEW)
        monkeypatch.undo()
        assert database.find_record(NEW.meeting, NEW.date) is None
    assert str(caught.value) == (
        f"could not save {populated}: its backup {backup_paths(populated)[0].name} could not "
        "be written (No space left on device); nothing was saved, the previous version is "
        "intact and so are its backups")
    assert companions(populated) == before


def test_when_the_newest_slot_refuses_every_rename_no_good_copy_is_dropped(populated,
                                                                           monkeypatch):
    """The rename into the newest slot fails and so does putting it back: the database is
    unchanged, the newest good backup still exists, and the message says the backups moved."""
    newest_backup = backup_paths(populated)[0].read_bytes()
    database_bytes = populated.read_bytes()
    real_replace = os.replace

    def replace(source, destination, *args, **kwargs):
        if Path(destination) == backup_paths(populated)[0]:
            raise no_space()
        return real_replace(source, destination, *args, **kwargs)

    with Database.open(populated) as database:
        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(StorageFailed) as caught:
            database.add_record(NEW)
        monkeypatch.undo()
        assert database.find_record(NEW.meeting, NEW.date) is None
    message = str(caught.value)
    assert "nothing was saved, the previous version is intact" in message
    assert "the backups could not all be put back in their places" in message
    assert populated.read_bytes() == database_bytes
    kept = [path.read_bytes() for path in populated.parent.iterdir() if path.is_file()]
    assert newest_backup in kept
    assert not any(b"new one" in content for content in kept)  # the unsaved change is gone


def test_the_command_line_says_nothing_was_saved_when_the_backup_fails(populated, monkeypatch,
                                                                      capsys):
    """`record` on a full disk at the backup: exit 2, one line, the database unchanged."""
    before = companions(populated)
    watch(monkeypatch, fail_at=0)
    code = cli.main(["--db", str(populated), "record", "--meeting", "Friday Step", "--date",
                     "2024-03-15", "--attendance", "11"])
    monkeypatch.undo()
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith(f"facilitator: could not save {populated}: its backup ")
    assert "nothing was saved" in captured.err and captured.err.count("\n") == 1
    assert companions(populated) == before


def test_each_save_shifts_the_backups_and_the_newest_matches_the_database(populated):
    """After saves the slots hold the last three saved states, newest first."""
    states = []
    with Database.open(populated) as database:
        for day in (15, 22, 29):
            database.add_record(NEW.edit(date=date(2024, 3, day)))
            states.append(populated.read_bytes())
    assert [path.read_bytes() for path in backup_paths(populated)] == states[::-1]
    assert list(populated.parent.glob(".*.tmp")) == []
