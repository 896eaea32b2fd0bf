"""Windows' differences, simulated on Linux: the app starts, runs a meeting and saves.

Simulated together, as a Windows laptop has them: no SIGHUP, an event loop that takes no
signal handlers, folders that cannot be opened to fsync, and a file briefly held by another
program (an antivirus, a second window) so that os.replace fails before it works.
"""

import asyncio
import errno
import os
import signal
import stat
from datetime import date
from pathlib import Path

import pytest
from tests.reliability.sample_store import companions

from facilitator import cli
from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal, platform_files
from facilitator.store.database import Database
from facilitator.store.errors import StorageFailed
from facilitator.tui import platform_terminal
from facilitator.tui.launch import closing_on_hang_up
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen

MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)
NEW = Record(meeting="Friday Step", date=date(2024, 3, 15), attendance=11)


class Windows:
    """What the simulated platform refused, counted: a test must see each difference hit."""

    def __init__(self) -> None:
        self.handlers_refused = 0
        self.folders_refused = 0
        self.replaces_refused = 0
        self.journal_deletes_refused = 0
        self.sleeps: list[float] = []


def held_open(monkeypatch, windows: Windows, failures: int | None) -> None:
    """Every os.replace fails with PermissionError `failures` times, then works (None: never),
    on Windows, where that means another program has the file open."""
    monkeypatch.setattr(platform_files, "WINDOWS", True)
    real_replace, tries = os.replace, {}

    def replace(source, target, *args, **kwargs):
        key = (os.fspath(source), os.fspath(target))
        tries[key] = tries.get(key, 0) + 1
        if failures is None or tries[key] <= failures:
            windows.replaces_refused += 1
            raise PermissionError(errno.EACCES, "Access is denied", os.fspath(target))
        del tries[key]
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.fixture
def windows(monkeypatch) -> Windows:
    """No SIGHUP, no loop signal handlers, no folder fsync; os.replace works on the third try."""
    state = Windows()
    monkeypatch.delattr(signal, "SIGHUP")

    def add_signal_handler(self, number, callback, *args):
        state.handlers_refused += 1
        raise NotImplementedError

    monkeypatch.setattr(asyncio.SelectorEventLoop, "add_signal_handler", add_signal_handler)
    real_open = os.open

    def open_(path, flags, *args, **kwargs):
        if os.path.isdir(path):
            state.folders_refused += 1
            raise PermissionError(errno.EACCES, "Access is denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(platform_files.time, "sleep", state.sleeps.append)
    held_open(monkeypatch, state, failures=2)
    real_unlink, unlinks = Path.unlink, []

    def unlink(path, *args, **kwargs):
        if path.name.endswith(".journal") and len(unlinks) < 2:  # the display reads it
            unlinks.append(path)
            state.journal_deletes_refused += 1
            raise PermissionError(errno.EACCES, "Access is denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    return state


async def test_a_whole_meeting_runs_and_is_saved(windows, make_app, db_path, journal_file):
    """Start-up, sign-ins, the collection, end and save: the record is on disk, nothing lost."""
    app = make_app(meetings=[MEETING])
    with closing_on_hang_up(app) as hung_up:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press(*"Ann", "f2", "f3", "f4", "f5")
            await pilot.press("f8", *"12.50", "enter")
            await pilot.pause()
            # Each action is on disk: the start, four sign-ins and the collection.
            assert len(journal.read(journal_file).entries) == 6
            await pilot.press("f10")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, (SummaryScreen, MeetingScreen))
    assert not hung_up.is_set()
    assert windows.handlers_refused >= 1  # SIGTERM was asked for and skipped
    assert windows.folders_refused >= 1 and windows.replaces_refused >= 2
    assert windows.journal_deletes_refused == 2  # then deleted: no name is left on disk
    assert windows.sleeps and max(windows.sleeps) <= 0.1  # two short back-offs, no more
    assert not journal_file.exists()
    with Database.open(db_path, writer=False) as database:
        [record] = database.records()
    assert (record.meeting, record.attendance, record.newcomers, record.visitors,
            record.online, record.collection) == ("Tuesday Night", 4, 1, 1, 1, 1250)
    assert not list(db_path.parent.glob("*.tmp"))  # no temporary left behind


def test_database_writes_work_and_keep_their_backups(windows, populated):
    """A record saved (database and three backups renamed) and a meeting added."""
    with Database.open(populated) as database:
        database.add_record(NEW)
        database.add_meeting(Meeting(name="Sunday Serenity"))
    with Database.open(populated, writer=False) as database:
        assert database.find_record(NEW.meeting, NEW.date) == NEW
        assert "Sunday Serenity" in [meeting.name for meeting in database.meetings()]
    backup = populated.with_name(populated.name + ".bak").read_bytes()
    assert b'"Friday Step"' in backup and b"2024-03-15" in backup
    assert windows.replaces_refused >= 4 and windows.folders_refused >= 1


@pytest.mark.parametrize("backup", [False, True], ids=["plain write", "with backup"])
def test_a_file_held_open_for_good_gives_one_line_and_changes_nothing(monkeypatch, populated,
                                                                      backup):
    """os.replace refused every time: StorageFailed in one line, every file byte-identical."""
    held = Windows()
    held_open(monkeypatch, held, failures=None)
    monkeypatch.setattr(platform_files.time, "sleep", held.sleeps.append)
    before = companions(populated)
    with Database.open(populated) as database:
        with pytest.raises(StorageFailed) as caught:
            if backup:
                database.add_record(NEW)
            else:
                database.add_meeting(Meeting(name="Sunday Serenity"))
        assert database.find_record(NEW.meeting, NEW.date) is None
        assert "Sunday Serenity" not in [meeting.name for meeting in database.meetings()]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"could not save {populated}")
    assert "another program" in message and "the previous version is intact" in message
    assert companions(populated) == before
    assert held.replaces_refused == platform_files.REPLACE_TRIES  # bounded, then given up
    assert held.sleeps == list(platform_files.REPLACE_BACK_OFF_SECONDS)
    assert sum(held.sleeps) < 1


def test_the_command_line_says_so_in_one_line(monkeypatch, populated, capsys):
    """`record` with the database held open by another program: exit 2, one line, no change."""
    held_open(monkeypatch, Windows(), failures=None)
    monkeypatch.setattr(platform_files.time, "sleep", lambda seconds: None)
    before = companions(populated)
    code = cli.main(["--db", str(populated), "record", "--meeting", "Friday Step", "--date",
                     "2024-03-15", "--attendance", "11"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith(f"facilitator: could not save {populated}")
    assert "close it and try again" in captured.err and captured.err.count("\n") == 1
    assert companions(populated) == before


# -- the platform modules on their own -----------------------------------------------------

class RefusingLoop:
    """Windows' proactor loop: no signal handlers at all."""

    def add_signal_handler(self, number, callback):
        raise NotImplementedError


class RecordingLoop:
    def __init__(self) -> None:
        self.handled: list[int] = []

    def add_signal_handler(self, number, callback):
        self.handled.append(number)


def test_only_the_signals_a_platform_has_are_asked_for(monkeypatch):
    monkeypatch.delattr(signal, "SIGHUP")
    loop = RecordingLoop()
    handled = platform_terminal.stop_on_signals(loop, lambda: None, "SIGTERM", "SIGHUP",
                                                "SIGBREAK")
    assert handled == loop.handled == [signal.SIGTERM]
    assert platform_terminal.stop_on_signals(RefusingLoop(), lambda: None, "SIGTERM") == []


def test_a_closed_console_on_windows_is_a_hang_up(monkeypatch):
    """SIGBREAK (Windows' CTRL_CLOSE_EVENT) gets the hang-up handler; the old one comes back."""
    monkeypatch.delattr(signal, "SIGHUP")
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    calls = []
    before = signal.getsignal(signal.SIGUSR1)
    with platform_terminal.on_hang_up(lambda number, frame: calls.append(number)) as handled:
        assert handled == [signal.SIGUSR1]
        signal.raise_signal(signal.SIGUSR1)
    assert calls == [signal.SIGUSR1]
    assert signal.getsignal(signal.SIGUSR1) == before


def test_a_folder_is_not_opened_on_windows_and_a_failing_disk_still_says_so(monkeypatch,
                                                                           tmp_path):
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda *args: opened.append(args) or real_open(*args))
    monkeypatch.setattr(platform_files, "POSIX", False)
    platform_files.sync_folder(tmp_path)
    platform_files.make_private(tmp_path, 0o000)  # a mode means nothing there
    assert opened == [] and stat.S_IMODE(tmp_path.stat().st_mode) != 0
    monkeypatch.setattr(platform_files, "POSIX", True)

    def fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError) as caught:
        platform_files.sync_folder(tmp_path)
    assert caught.value.errno == errno.EIO and len(opened) == 1


def test_the_crash_log_refuses_a_link_where_o_nofollow_is_missing(monkeypatch, db_path,
                                                                 tmp_path):
    from facilitator.store import crash_log

    monkeypatch.setattr(crash_log, "NO_FOLLOW", 0)
    monkeypatch.delattr(os, "fchmod")
    monkeypatch.setattr(platform_files, "POSIX", False)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("kept")
    crash_log.crash_log_path(db_path).symlink_to(elsewhere)
    with pytest.raises(OSError):
        crash_log.append_crash_report(db_path, "report\n")
    assert elsewhere.read_text() == "kept"
    crash_log.crash_log_path(db_path).unlink()
    assert crash_log.append_crash_report(db_path, "report\n").read_text() == "report\n"


def test_elsewhere_a_permission_error_is_said_at_once(monkeypatch, populated):
    """On Linux and macOS it means permissions, not a file held open: no retry, no guess."""
    held = Windows()
    held_open(monkeypatch, held, failures=None)
    monkeypatch.setattr(platform_files, "WINDOWS", False)
    monkeypatch.setattr(platform_files.time, "sleep", held.sleeps.append)
    with Database.open(populated) as database:
        with pytest.raises(StorageFailed) as caught:
            database.add_meeting(Meeting(name="Sunday Serenity"))
    assert held.replaces_refused == 1 and held.sleeps == []
    assert "Access is denied" in str(caught.value) and "another program" not in str(caught.value)


@pytest.mark.parametrize("platform, folder, command", [
    ("linux", Path("/tmp/facilitator-demo-x1"), "rm -r /tmp/facilitator-demo-x1"),
    ("darwin", Path("/tmp/a b"), "rm -r '/tmp/a b'"),
    ("win32", Path("C:/Users/Ann/AppData/Local/Temp/facilitator-demo-x1"),
     'Remove-Item -Recurse -Force "C:/Users/Ann/AppData/Local/Temp/facilitator-demo-x1"'),
])
def test_the_demo_says_how_to_remove_it_in_the_shell_readme_uses_there(monkeypatch, platform,
                                                                       folder, command):
    from facilitator.commands.demo import removal_command

    monkeypatch.setattr("sys.platform", platform)
    assert removal_command(folder) == command
