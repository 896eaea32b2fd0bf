"""The room display follows a journal written by LiveMeeting: states, names, lag, no writes."""

import html
import re
import time
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import ContentSwitcher, Static

from facilitator.core.meeting import actions as a
from facilitator.commands.display import read_settings
from facilitator.core.clock import FakeClock, SystemClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting.room_view import RoomState
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.display_app import DisplayApp
from facilitator.tui.screens.display_screen import POLL_SECONDS, DisplayScreen
from facilitator.tui.widgets.big_text import BigText

MEETING = Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=60)
LAG_LIMIT = 0.5  # seconds from a journal write to the screen showing it (the contract)
# The lag itself is measured in benchmarks/display_lag.py; here: one poll after a write is
# enough, and polls come often enough to keep within the contract.


def begin(journal_file: Path, clock, meeting: Meeting = MEETING) -> LiveMeeting:
    return LiveMeeting.begin(journal_file, meeting, GroupSettings(), clock)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def mode(screen) -> str:
    return screen.query_one(ContentSwitcher).current


async def wait_for(pilot, condition, limit: float = 5.0) -> None:
    """Until `condition()` holds and the screen is painted; fails (never hangs) after `limit`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            pytest.fail(f"the display did not follow within {limit} s")
        await pilot.pause(0.01)
    await pilot.pause()  # and painted


async def after_one_poll(pilot, screen) -> None:
    """What the room sees after the display's next poll of the journal, painted."""
    screen.poll()
    await pilot.pause()


def test_polls_come_often_enough_for_the_lag_contract():
    assert 2 * POLL_SECONDS <= LAG_LIMIT


def screen_text(app) -> str:
    """Every character on the screen, read from a screenshot."""
    svg = re.sub(r"<style>.*?</style>", "", app.export_screenshot(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def countdown(screen) -> str:
    return screen.query_one("#countdown", BigText).text


# (what happens, seconds of the clock between the steps) -> what the room sees
STATES = [
    ("normal", [("share_start", 10)], RoomState.NORMAL, "4:50", ""),
    ("warning", [("share_start", 250)], RoomState.WARNING, "0:50", "one minute left"),
    ("over time", [("share_start", 323)], RoomState.OVER, "+0:23", "please wrap up"),
    ("paused", [("share_start", 30), ("share_pause", 100)], RoomState.PAUSED, "4:30", "paused"),
    ("between", [("share_start", 30), ("share_end", 5)], RoomState.BETWEEN, "5:00",
     "between shares"),
]
COLOURS = {RoomState.WARNING: "warning", RoomState.OVER: "error"}


@pytest.mark.parametrize("steps,state,shown,note", [case[1:] for case in STATES],
                         ids=[case[0] for case in STATES])
async def test_each_state_follows_the_journal(journal_file, clock, steps, state, shown, note):
    """No meeting, then the meeting starts and reaches each state, shown after the next poll."""
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, DisplayScreen)
        await pilot.pause()
        assert mode(screen) == "waiting" and screen.view is None
        assert text_of(screen, "#waiting-title") == "No meeting in progress"
        assert screen.query_one("#waiting-clock", BigText).text == "19:00"

        live = begin(journal_file, clock)
        live.do(a.QueueHand())
        live.do(a.QueueHand())
        for action, seconds in steps:
            live.do(a.parse_action({"type": action}))
            clock.advance(seconds)
        await after_one_poll(pilot, screen)
        assert screen.view is not None
        assert (screen.view.state, countdown(screen)) == (state, shown)
        assert mode(screen) == "live"
        assert text_of(screen, "#display-note") == note
        assert text_of(screen, "#display-meeting") == "Tuesday Night"
        assert text_of(screen, "#display-waiting") == "1 waiting to share"
        assert screen.query_one("#live").has_class(f"-{state.value}")
        if state in COLOURS:
            expected = Color.parse(getattr(app.current_theme, COLOURS[state]))
            shown_colour = screen.query_one("#countdown").styles.color
            assert max(abs(a - b) for a, b in zip(shown_colour.rgb, expected.rgb)) <= 2


async def test_the_countdown_runs_between_journal_writes(journal_file, clock):
    """Nothing is written while a share runs: the display still counts down, second by second."""
    live = begin(journal_file, clock)
    live.do(a.ShareStart())
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: countdown(screen) == "5:00")
        for second in range(1, 4):
            clock.advance(1)
            await wait_for(pilot, lambda: countdown(screen) == f"4:{60 - second:02d}")
        assert text_of(screen, "#display-times") == "19:00  ·  running 0:03  ·  59:57 left"


async def test_precision_of_a_wall_time_with_microseconds(journal_file):
    """A wall time with microseconds, as the system clock gives (held still, so a loaded
    machine's delay cannot move it): a share just started shows 5:00, not 4:59; each change
    is on screen after the next poll."""
    clock = FakeClock(SystemClock().now())
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.pause()
        live = begin(journal_file, clock)
        await after_one_poll(pilot, screen)
        assert mode(screen) == "live"
        live.do(a.QueueHand())
        await after_one_poll(pilot, screen)
        assert screen.view.waiting == 1
        live.do(a.ShareStart())
        await after_one_poll(pilot, screen)
        assert screen.view.state is RoomState.NORMAL
        assert countdown(screen) == "5:00"
        live.do(a.SharePause())
        await after_one_poll(pilot, screen)
        assert screen.view.state is RoomState.PAUSED
        live.discard()
        await after_one_poll(pilot, screen)
        assert mode(screen) == "waiting"


async def test_the_meeting_ends_and_the_next_one_is_picked_up(journal_file, clock, db_path):
    """Saving the record deletes the journal: back to waiting; a new meeting is followed again."""
    live = begin(journal_file, clock)
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: mode(screen) == "live")
        with Database.open(db_path, writer=True) as database:  # the display holds no lock
            database.add_meeting(MEETING)
            live.end(database)
        await wait_for(pilot, lambda: mode(screen) == "waiting")
        assert screen.view is None
        clock.advance(600)
        second = begin(journal_file, clock, Meeting(name="Late Night", share_minutes=3))
        second.do(a.ShareStart())
        await wait_for(pilot, lambda: screen.view is not None and screen.view.countdown == "3:00")
        assert text_of(screen, "#display-meeting") == "Late Night"
        assert text_of(screen, "#display-times") == "19:10  ·  running 0:00"


async def test_current_section_of_the_format(journal_file, clock):
    agenda = [{"title": "Readings", "minutes": 5}, {"title": "Shares", "minutes": 40,
                                                    "kind": "shares"}]
    live = begin(journal_file, clock, Meeting(name="Tuesday Night", agenda=agenda))
    clock.advance(60)
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: mode(screen) == "live")
        assert text_of(screen, "#display-section") == "Readings  ·  4:00 left"
        live.do(a.SectionNext())
        await wait_for(pilot, lambda: screen.view.section == "Shares")
        assert text_of(screen, "#display-section") == "Shares  ·  40:00 left"


async def test_names_only_when_the_facilitator_turns_them_on(journal_file, clock):
    live = begin(journal_file, clock)
    for name in ("Ann", "Bo"):
        live.do(a.SignIn(name=name))
        live.do(a.QueueAttendee(id=live.session.next_attendee_id - 1))
    live.do(a.ShareStart())
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        names = screen.query_one("#display-names", Static)
        await wait_for(pilot, lambda: mode(screen) == "live")
        assert not names.display and screen.view.sharer is None
        assert "Ann" not in screen_text(app) and "Bo" not in screen_text(app)

        live.do(a.DisplayNames(on=True))
        await wait_for(pilot, lambda: names.display)
        assert str(names.content) == "Sharing: Ann     Next: Bo"
        assert "Sharing: Ann" in screen_text(app)

        live.do(a.DisplayNames(on=False))
        await wait_for(pilot, lambda: not names.display)
        assert "Ann" not in screen_text(app)


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("with_database", [True, False], ids=["database", "no database"])
async def test_the_display_never_writes_nor_locks(data_dir, db_path, journal_file, clock,
                                                  with_database):
    """A journal left behind and the database: untouched by a display that runs a while."""
    if with_database:
        with Database.open(db_path, writer=True) as database:
            database.save_settings(GroupSettings(warning_seconds=90))
        live = begin(journal_file, clock)
        live.do(a.ShareStart())
        live.journal.close()
    before = folder_state(data_dir)
    app = DisplayApp(journal_file, clock, lambda: read_settings(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.pause(0.3)
        if with_database:
            assert screen.view is not None
            clock.advance(215)  # 85 s left: a warning only with the group's 90 s setting
            await wait_for(pilot, lambda: screen.view.state is RoomState.WARNING)
        else:
            assert mode(screen) == "waiting"
        assert folder_state(data_dir) == before
        if with_database:
            with Database.open(db_path, writer=True):
                pass  # the lock is free while the display runs


async def test_a_journal_torn_in_its_first_line_is_left_alone(data_dir, journal_file, clock):
    """The app would remove such a file; the display only reads, and waits."""
    journal_file.write_bytes(b'{"n": 0, "t": 0.0, "wall": "2024-03-')
    before = folder_state(data_dir)
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert mode(app.screen) == "waiting"
    assert folder_state(data_dir) == before


async def test_q_quits(journal_file):
    app = DisplayApp(journal_file, FakeClock(SystemClock().now()))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.return_code is None
        await pilot.press("q")  # no pause after: a closing app's queues are never emptied
        assert app.return_code == 0  # q asked to exit, not the end of the test
    assert not app.is_running


def test_system_clock_keeps_microseconds():
    """Journal wall times are precise: a display timing a share from them is not a second off."""
    clock = SystemClock()
    readings = []
    for _ in range(3):
        readings.append(clock.now())
        time.sleep(0.013)
    assert any(reading.microsecond for reading in readings)


async def test_ctrl_l_on_the_meeting_screen_turns_names_on_for_the_display(make_app, clock,
                                                                          journal_file):
    """The facilitator's key is journaled, so the display (another process) sees it."""
    from facilitator.store.journal_follower import JournalFollower
    from facilitator.tui.screens.meeting.screen import MeetingScreen

    app = make_app(meetings=[MEETING])
    follower = JournalFollower(journal_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press(*"Ann", "f2")
        follower.poll()
        assert follower.meeting.session.names_on_display is False
        await pilot.press("ctrl+l")  # works while the name box has focus
        await pilot.pause()
        assert screen.live.session.names_on_display is True
        follower.poll()
        assert follower.meeting.session.names_on_display is True
        await pilot.press("ctrl+l")
        await pilot.pause()
        follower.poll()
        assert follower.meeting.session.names_on_display is False


async def test_settings_are_read_in_a_worker_while_the_display_keeps_going(journal_file, clock):
    """Reading the database (slow when large) never stops the display; the theme follows."""
    import threading

    asked, released = threading.Event(), threading.Event()
    readers = []

    def slow_settings() -> GroupSettings:
        readers.append(threading.current_thread())
        asked.set()
        assert released.wait(timeout=30)
        return GroupSettings(theme="projector-light", warning_seconds=90)

    app = DisplayApp(journal_file, clock, slow_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(pilot, asked.is_set)
        clock.advance(120)  # the clock moves on screen while the settings are being read
        await wait_for(pilot, lambda: screen.wall == f"{clock.now():%H:%M}")
        assert app.theme != "projector-light" and screen.settings == GroupSettings()
        released.set()
        await wait_for(pilot, lambda: app.theme == "projector-light")
        assert screen.settings.warning_seconds == 90
    assert readers and threading.main_thread() not in readers
