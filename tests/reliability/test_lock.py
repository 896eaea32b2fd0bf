"""One writer at a time: a second writer process is refused; readers need no lock."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.reliability.lock_holder import LockHolder
from tests.reliability.sample_store import MEETINGS, companions

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked, StorageFailed

REPO = Path(__file__).resolve().parents[2]
WRITERS = [
    ["meetings", "add", "Sunday Serenity"],
    ["meetings", "remove", "Friday Step", "--with-records"],
    ["record", "--meeting", "Friday Step", "--date", "2024-03-15", "--attendance", "4"],
    ["doctor", "--restore"],
]


@pytest.fixture
def held_lock(populated):
    """Another process holds the writer's lock on `populated` for the whole test."""
    holder = LockHolder(populated)
    try:
        yield populated
    finally:
        holder.let_go()


def test_a_second_writer_process_is_refused_and_writes_nothing(held_lock, run_cli):
    """Exit 3 and one line saying the database is in use; not a byte changed."""
    files_before = companions(held_lock)
    for arguments in WRITERS:
        code, out, err = run_cli(*arguments)
        assert (code, out) == (3, ""), arguments
        assert err.count("\n") == 1
        assert err.startswith(f"facilitator: database {held_lock} is in use by another")
        assert "nothing was written" in err
    assert companions(held_lock) == files_before


def test_a_reader_works_while_the_lock_is_held(held_lock, run_cli):
    """meetings list needs no lock."""
    code, out, err = run_cli("meetings", "list")
    assert (code, err) == (0, "")
    assert [line.split("  ")[0] for line in out.splitlines()] == sorted(
        m.name for m in MEETINGS)


def test_in_process_a_second_writer_is_refused(held_lock):
    """Database.open(writer=True) raises DatabaseLocked; a reader opens."""
    with pytest.raises(DatabaseLocked):
        Database.open(held_lock, writer=True)
    with Database.open(held_lock, writer=False) as reader:
        assert len(reader.meetings()) == len(MEETINGS)


def test_the_lock_is_let_go_when_the_writer_closes(populated, run_cli):
    """Once the first writer has closed, the next one gets in."""
    with Database.open(populated):
        assert run_cli("meetings", "add", "Sunday Serenity")[0] == 3
    assert run_cli("meetings", "add", "Sunday Serenity")[0] == 0
    with Database.open(populated, writer=False) as reader:
        assert reader.find_meeting("sunday serenity") == Meeting(name="Sunday Serenity")


# Whether the lock library was loaded at all: a reader takes no lock, so it never imports it.
LOADS_LOCK = ("import sys; from facilitator.cli import main; status = main(sys.argv[1:]); "
              "print(status, 'filelock' in sys.modules)")


@pytest.mark.parametrize("arguments, loaded", [
    (["history", "--by", "month"], False),
    (["export", "--format", "csv"], False),
    (["doctor"], False),
    (["meetings", "add", "Sunday Serenity"], True),
], ids=["history", "export", "doctor", "a writer"])
def test_only_writers_load_the_lock(populated, arguments, loaded):
    result = subprocess.run([sys.executable, "-c", LOADS_LOCK, "--db", str(populated), *arguments],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.stdout.splitlines()[-1] == f"0 {loaded}", result.stderr


# -- the app's way: read first, take the lock once the first screen is drawn ---------------


def test_opened_to_lock_later_it_holds_no_lock_and_writes_nothing(populated):
    files_before = companions(populated)
    database = Database.open(populated, lock_later=True)
    try:
        assert not database.holds_lock
        with Database.open(populated):  # another writer gets in meanwhile
            pass
        with pytest.raises(StorageFailed, match="opened for reading only"):
            database.add_meeting(Meeting(name="Sunday Serenity"))
        assert companions(populated) == files_before
    finally:
        database.close()


def test_taking_the_lock_of_an_unchanged_file_keeps_what_was_read(populated):
    with Database.open(populated, lock_later=True) as database:
        meetings = database.meetings()
        assert database.take_lock() is False
        assert database.holds_lock and database.take_lock() is False  # once is enough
        with pytest.raises(DatabaseLocked):
            Database.open(populated)
        database.add_meeting(Meeting(name="Sunday Serenity"))
        assert database.meetings() == sorted([*meetings, Meeting(name="Sunday Serenity")],
                                             key=lambda m: m.key)
    with Database.open(populated, writer=False) as reader:
        assert reader.find_meeting("sunday serenity") == Meeting(name="Sunday Serenity")


def test_a_file_changed_before_the_lock_is_read_again(populated):
    """Another window wrote as it closed, after this one read the file: nothing it wrote
    is lost, and the next write starts from it."""
    with Database.open(populated, lock_later=True) as database:
        assert database.find_meeting("sunday serenity") is None
        with Database.open(populated) as other:
            other.add_meeting(Meeting(name="Sunday Serenity"))
        assert database.take_lock() is True
        assert database.find_meeting("sunday serenity") == Meeting(name="Sunday Serenity")
        database.add_meeting(Meeting(name="Monday Meditation"))
    with Database.open(populated, writer=False) as reader:
        assert {"sunday serenity", "monday meditation"} <= {m.key for m in reader.meetings()}


def test_while_another_writer_holds_it_taking_the_lock_is_refused(held_lock):
    with Database.open(held_lock, lock_later=True) as database:
        meetings = database.meetings()
        with pytest.raises(DatabaseLocked):
            database.take_lock()
        assert not database.holds_lock and database.meetings() == meetings


def test_a_closed_database_does_not_take_the_lock(populated):
    database = Database.open(populated, lock_later=True)
    database.close()
    with pytest.raises(DatabaseLocked):
        database.take_lock()
    with Database.open(populated):  # nobody holds it
        pass


@pytest.mark.parametrize("name, removed", [
    (".{db}.123.x8k2.tmp", True),  # the database's own, half written
    (".{db}.bak.1.123.x8k2.tmp", True),  # a backup's
    (".{db}.bak.123.x8k2.tmp", True),
    (".{db}.v2.bak.123.x8k2.tmp", True),  # the copy kept before an upgrade
    (".{db}.123.tmp", True),
    (".{db}2.123.x8k2.tmp", False),  # another database's, whose name starts the same
    (".other.json.123.x8k2.tmp", False),
    (".{db}.notes.tmp", False),  # not a name a writer makes
    ("{db}.123.x8k2.tmp", False),  # not hidden: not a writer's
    (".{db}.123.x8k2.tmp.keep", False),
])
def test_only_a_writers_temporaries_are_taken_for_leftovers(populated, name, removed):
    other = populated.with_name(name.format(db=populated.name))
    other.write_bytes(b"{half")
    with Database.open(populated):
        pass
    assert other.exists() is not removed


def test_leftovers_of_a_killed_writer_are_removed_once_the_lock_is_taken(populated):
    leftover = populated.with_name(f".{populated.name}.123.x8k2.tmp")
    leftover.write_bytes(b"{half")
    with Database.open(populated, lock_later=True) as database:
        assert leftover.exists()  # not the reader's to remove: a writer may be writing it
        database.take_lock()
        assert not leftover.exists()
