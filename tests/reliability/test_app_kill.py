"""The real app on a pseudo-terminal: killed mid-meeting, it resumes with nothing lost."""

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.store.database import Database
from facilitator.store.live_meeting import find_left_behind
from facilitator.store.paths import journal_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

F2, F3, F4, F5, F8, F10 = "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[19~", "\x1b[21~"
CTRL_S, CTRL_Q, ENTER = "\x13", "\x11", "\r"
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")
TIMEOUT = 15.0  # generous: a loaded machine starts the app slowly; normally a second or two


class Terminal:
    """`facilitator --db PATH` on its own pseudo-terminal, 80x24, output drained by a thread."""

    def __init__(self, db: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        for variable in ("TEXTUAL", "TEXTUAL_LOG", "TEXTUAL_DEBUG", "NO_COLOR"):
            env.pop(variable, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "--db", str(db)],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            start_new_session=True,
            # The pty becomes the controlling terminal: closing it sends SIGHUP, as a real one.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def text(self) -> str:
        """What was drawn, without the escape sequences."""
        return ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))
        time.sleep(0.05)  # lets Textual tell an escape sequence from the Escape key

    def wait_for_text(self, wanted: str) -> None:
        wait_until(lambda: wanted in self.text(), f"{wanted!r} on screen")

    def wait_exit(self) -> int:
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
        self.reader.join(timeout=2)


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def entries(path: Path) -> list[dict]:
    return journal.read(path).entries if path.exists() else []


def end_save_and_quit(app, live_journal: Path) -> None:
    """F10, save the record (the journal goes), quit: the app exits cleanly."""
    app.send(F10)
    app.wait_for_text("Only these counts are kept.")
    app.send(CTRL_S)
    wait_until(lambda: not live_journal.exists(), "the journal to be deleted")
    app.send(CTRL_Q)
    assert app.wait_exit() == 0


def wait_entries(path: Path, count: int) -> None:
    """The action is durable once its line is in the journal."""
    wait_until(lambda: len(entries(path)) >= count, f"{count} journal entries")


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "data" / "facilitator.json"
    with Database.open(path) as database:
        database.add_meeting(Meeting(name="Tuesday Night"))
    return path


@pytest.fixture
def terminals():
    opened: list[Terminal] = []

    def start(db: Path) -> Terminal:
        opened.append(Terminal(db))
        return opened[-1]

    yield start
    for terminal in opened:
        terminal.close()


def start_meeting(terminal: Terminal, db: Path) -> None:
    terminal.wait_for_text("Which meeting are we running?")
    terminal.send(ENTER)
    wait_entries(journal_path(db), 1)
    terminal.wait_for_text("7th tradition")  # keys sent before it is drawn go to the start screen


SIGN_INS = [("Ann", F2), ("", F3), ("Bo", F4), ("", F5), ("Cy", F3), ("", F2), ("Dee", F2)]


def test_sigkill_mid_meeting_then_resume_loses_no_acknowledged_action(db, terminals):
    live_journal = journal_path(db)
    first = terminals(db)
    start_meeting(first, db)
    for count, (name, key) in enumerate(SIGN_INS, start=2):
        first.send(name + key)
        wait_entries(live_journal, count)
    first.send(F8 + "12.50" + ENTER)
    wait_entries(live_journal, len(SIGN_INS) + 2)
    first.process.send_signal(signal.SIGKILL)
    assert first.wait_exit() == -signal.SIGKILL
    assert live_journal.exists()

    second = terminals(db)
    second.wait_for_text("A meeting in progress was left behind.")
    second.send("r")
    wait_until(lambda: entries(live_journal)[-1]["a"]["type"] == "resumed", "the resume")
    wait_until(lambda: second.text().count("7th tradition") >= 1, "the meeting screen")
    second.send("Eve" + F2)
    wait_entries(live_journal, len(SIGN_INS) + 4)
    end_save_and_quit(second, live_journal)

    with Database.open(db, writer=False) as database:
        [record] = database.records()
    assert (record.attendance, record.newcomers, record.visitors, record.online,
            record.collection) == (len(SIGN_INS) + 1, 2, 1, 1, 1250)


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP", "closed terminal"])
def test_termination_closes_cleanly_with_the_journal_intact(db, terminals, stop):
    live_journal = journal_path(db)
    terminal = terminals(db)
    start_meeting(terminal, db)
    for count, (name, key) in enumerate(SIGN_INS[:3], start=2):
        terminal.send(name + key)
        wait_entries(live_journal, count)
    if stop == "closed terminal":
        os.close(terminal.master)  # the kernel hangs up the session
        terminal.master = -1
    else:
        terminal.process.send_signal(getattr(signal, stop))
    assert terminal.wait_exit() == 0
    contents = journal.read(live_journal)
    assert contents.dropped_lines == 0 and len(contents.entries) == 4
    left = find_left_behind(live_journal)
    assert [p.name for p in left.session.attendees] == ["Ann", "", "Bo"]
    if stop == "SIGTERM":
        assert b"\x1b[?1049l" in terminal.output[-400:]  # the screen was given back
    with Database.open(db) as database:  # the lock was released
        assert database.records() == []
