"""The app draws its first screen from the file as read, then takes the database's lock:
before any key is handled, waiting a few seconds for a window that is closing."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.paths import journal_path
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.meeting.resume import ResumeScreen
from facilitator.tui.screens.start import StartScreen
from facilitator.tui.screens.waiting_for_lock import (CLOSING_WINDOW_WAIT_SECONDS,
                                                      WaitingForLockScreen)
from tests.reliability.lock_holder import LockHolder
from tests.tui.test_resume import write_crashed_journal

MEETING = Meeting(name="Tuesday Night")


@pytest.fixture
def opened(db_path: Path, clock) -> Iterator:
    """The app as `facilitator` opens it: the database read, its lock not yet taken."""
    with Database.open(db_path) as database:
        database.add_meeting(MEETING)
    databases: list[Database] = []

    def open_app() -> FacilitatorApp:
        databases.append(Database.open(db_path, lock_later=True))
        return FacilitatorApp(databases[-1], clock, journal_path(db_path))

    yield open_app
    for database in databases:
        database.close()


@pytest.fixture
def holder(db_path: Path, opened) -> Iterator[LockHolder]:
    held = LockHolder(db_path)
    yield held
    held.let_go()


async def until(pilot, condition) -> None:
    # A plain sleep, not `pilot.pause`: that waits for the screen's queues to empty, which
    # never happens once the app has begun to close.
    for _ in range(200):  # the wait tries the lock every 0.1 s
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_the_lock_is_held_once_the_first_screen_is_drawn(opened, db_path):
    app = opened()
    assert not app.database.holds_lock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.database.holds_lock
        assert isinstance(app.screen, StartScreen)
        with pytest.raises(DatabaseLocked):
            Database.open(db_path)


async def test_a_window_that_lets_go_is_waited_for_then_the_meeting_left_behind_is_offered(
        opened, holder, db_path):
    write_crashed_journal(journal_path(db_path))
    app = opened()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WaitingForLockScreen))
        assert "Waiting for the other window to close" in app.screen.query_one(
            ".dialog-title").render().plain
        await pilot.press("enter")  # the start screen waits behind: no meeting starts
        await pilot.press("ctrl+p")  # the palette's commands would write: not while waiting
        assert isinstance(app.screen, WaitingForLockScreen) and not app.database.holds_lock
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        holder.let_go()
        await until(pilot, lambda: app.database.holds_lock)
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)  # the help read on stays, the wait with it
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, ResumeScreen))
        assert app.refused is None


async def test_a_window_that_stays_stops_this_one_with_exit_3(opened, holder, clock):
    app = opened()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WaitingForLockScreen))
        await pilot.pause(0.3)
        assert app.is_running  # the wait is measured on the app's clock, not in ticks
        clock.advance(CLOSING_WINDOW_WAIT_SECONDS)
        await until(pilot, lambda: not app.is_running)
    assert isinstance(app.refused, DatabaseLocked)
    assert app.return_code == 3 and not app.database.holds_lock


async def test_what_the_closing_window_wrote_is_shown(opened, db_path):
    app = opened()
    with Database.open(db_path) as other:  # written after this window read the file
        other.add_meeting(Meeting(name="Sunday Serenity"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [str(app.screen.query_one("#meeting-list").get_option_at_index(n).id)
                 for n in range(app.screen.query_one("#meeting-list").option_count)]
        assert sorted(shown) == ["sunday serenity", "tuesday night"]
        assert app.database.holds_lock


async def test_a_key_before_the_first_screen_is_drawn_takes_the_lock_first(opened, monkeypatch):
    monkeypatch.setattr(FacilitatorApp, "on_ready", lambda self: None)  # Ready not yet handled
    app = opened()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.database.holds_lock
        await pilot.press("down")
        assert app.database.holds_lock
