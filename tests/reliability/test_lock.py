"""One writer at a time: a second writer process is refused; readers need no lock."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.reliability.sample_store import MEETINGS, companions

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked

CHILD = Path(__file__).with_name("lock_holder.py")
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
    holder = subprocess.Popen([sys.executable, str(CHILD), str(populated)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline() == "locked\n"
        yield populated
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0


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
