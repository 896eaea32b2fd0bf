"""Closing the terminal and starting again at once opens the meeting, not "in use" (exit 3)."""

import signal
import sys

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.paths import journal_path

from .lock_holder import LockHolder
from .test_app_kill import SIGN_INS, db, start_meeting, terminals, wait_entries  # noqa: F401


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("stop", ["SIGHUP", "SIGTERM"])
def test_a_window_started_as_the_last_one_closes_opens_the_meeting(db, terminals, stop):  # noqa: F811
    first = terminals(db)
    start_meeting(first, db)
    first.send("Ann" + SIGN_INS[0][1])
    wait_entries(journal_path(db), 2)
    first.process.send_signal(getattr(signal, stop))
    second = terminals(db)  # at once, while the first is still closing
    second.wait_for_text("A meeting in progress was left behind.")
    assert first.wait_exit() == 0
    assert second.process.poll() is None  # not refused with exit 3


def test_a_database_let_go_refuses_later_writes_and_frees_the_lock(tmp_path):
    path = tmp_path / "facilitator.json"
    database = Database.open(path)
    database.let_go()
    with pytest.raises(DatabaseLocked):
        database.add_meeting(Meeting(name="Tuesday Night"))
    with Database.open(path) as other:  # the lock is free
        other.add_meeting(Meeting(name="Tuesday Night"))
    database.close()  # closing again after letting go is harmless
    with Database.open(path, writer=False) as reader:
        assert [m.name for m in reader.meetings()] == ["Tuesday Night"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_window_opened_while_another_stays_says_so_and_stops_with_exit_3(db, terminals):  # noqa: F811
    """It waits a few seconds in sight, then stops with the one line a command gives."""
    Database.open(db).close()  # the file exists: the other window is a real one
    holder = LockHolder(db)
    try:
        second = terminals(db)
        second.wait_for_text("Waiting for the other window to close")
        second.wait_for_text(f"facilitator: database {db} is in use by another facilitator")
        assert second.wait_exit() == 3
    finally:
        holder.let_go()
