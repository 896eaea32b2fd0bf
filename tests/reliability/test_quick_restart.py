"""Closing the terminal and starting again at once opens the meeting, not "in use" (exit 3)."""

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.paths import journal_path
from facilitator.tui.launch import open_when_free

from .test_app_kill import SIGN_INS, db, start_meeting, terminals, wait_entries  # noqa: F401

HOLDER = Path(__file__).with_name("lock_holder.py")


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


def held_by_another_process(path: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_opening_waits_for_a_window_that_lets_go(tmp_path, capsys):
    path = tmp_path / "facilitator.json"
    holder = held_by_another_process(path)
    threading.Timer(0.4, holder.stdin.close).start()  # the other window closes
    with open_when_free(path, wait_seconds=10) as database:
        assert database.meetings() == []
    holder.wait(timeout=10)
    assert capsys.readouterr().err == "waiting for the other window to close…\n"


def test_opening_refuses_with_exit_3_when_the_other_window_stays(tmp_path, capsys):
    path = tmp_path / "facilitator.json"
    holder = held_by_another_process(path)
    try:
        with pytest.raises(DatabaseLocked) as refused:
            open_when_free(path, wait_seconds=0.3)
        assert refused.value.exit_status == 3
        assert "waiting for the other window to close…" in capsys.readouterr().err
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_no_wait_and_no_message_when_the_database_is_free(tmp_path, capsys):
    with open_when_free(tmp_path / "facilitator.json", wait_seconds=0):
        pass
    assert capsys.readouterr().err == ""
