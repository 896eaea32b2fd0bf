"""A meeting left behind by a crash: the app offers to resume it exactly, or to discard it."""

from datetime import datetime, timedelta

import orjson

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting.session import start_action
from facilitator.store import journal
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.resume import ResumeScreen
from facilitator.tui.screens.start import StartScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen

from tests.conftest import FIXED_NOW

MEETING = Meeting(name="Tuesday Night", duration_minutes=90)
STARTED = FIXED_NOW - timedelta(minutes=30)  # the crash happened; the app starts at FIXED_NOW


def line(n: int, t: float, action: dict) -> bytes:
    wall = (STARTED + timedelta(seconds=t)).isoformat()
    return orjson.dumps({"n": n, "t": t, "wall": wall, "a": action}) + b"\n"


def write_crashed_journal(path, *, closing: bool = False) -> None:
    """What a meeting killed 20 minutes in leaves: whole lines, then a torn one."""
    actions = [
        (0.0, start_action(MEETING, STARTED.date(), STARTED, "USD").to_json()),
        (60.0, {"type": "sign_in", "name": "Ann", "newcomer": True}),
        (90.0, {"type": "sign_in", "name": ""}),
        (120.0, {"type": "sign_in", "name": "Bo", "online": True}),
        (300.0, {"type": "correct", "id": 2, "name": "Cy", "visitor": True}),
        (400.0, {"type": "sign_in", "name": "Dee"}),
        (500.0, {"type": "remove", "id": 4}),
        (900.0, {"type": "collection", "cents": 4275}),
        (1000.0, {"type": "sign_in", "name": "Eve"}),
        (1100.0, {"type": "undo"}),
        (1200.0, {"type": "sign_in", "name": "Flo", "visitor": True}),
    ]
    if closing:
        actions.append((1250.0, {"type": "closing"}))
    data = b"".join(line(n, t, action) for n, (t, action) in enumerate(actions))
    torn = line(len(actions), 1260.0, {"type": "sign_in", "name": "Gus"})[:25]
    path.write_bytes(data + torn)
    path.chmod(0o600)


async def resume_screen(pilot) -> ResumeScreen:
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ResumeScreen)
    return screen


async def test_resume_restores_the_meeting_and_counts_the_downtime(make_app, journal_file, clock):
    write_crashed_journal(journal_file)
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await resume_screen(pilot)
        text = str(dialog.query_one(".dialog-text").render())
        assert "Tuesday Night, started Tue 05 Mar 2024 18:30" in text
        assert "4 signed in, 1 newcomer" in text and "1 newcomers" not in text
        assert "last action at 18:50:00" in text and "cut off" in text
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        session = screen.live.session
        assert [(p.id, p.name) for p in session.attendees] == [
            (1, "Ann"), (2, "Cy"), (3, "Bo"), (5, "Flo")]
        assert (session.attendance, session.newcomers, session.visitors, session.online,
                session.collection) == (4, 1, 2, 1, 4275)
        # 20 minutes of meeting were journaled, then 10 minutes with the app down.
        assert screen.live.now() == 30 * 60
        clock.advance(61)
        screen.read_clock()  # the header shows the time the screen passes down on its tick
        assert "running 31:01  left 58:59" in str(screen.query_one("#meeting-header").render())
        await pilot.press("ctrl+z")  # undo reaches back before the crash
        await pilot.pause()
        assert [p.name for p in screen.live.session.attendees] == ["Ann", "Cy", "Bo"]
        await pilot.press("ctrl+y", "f2", "f10", "ctrl+s")
        await pilot.pause()
    [record] = app.database.records()
    assert (record.attendance, record.newcomers, record.visitors, record.online,
            record.collection) == (5, 1, 2, 1, 4275)
    assert (record.start.isoformat(), record.end.isoformat()) == ("18:30:00", "19:01:00")
    assert not journal_file.exists()


async def test_resume_journals_on_from_the_last_whole_line(make_app, journal_file):
    write_crashed_journal(journal_file)
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await resume_screen(pilot)
        await pilot.press("r", *"Hal", "f2")
        await pilot.pause()
    contents = journal.read(journal_file)  # the app was closed without ending the meeting
    assert contents.dropped_lines == 0
    assert [e["a"]["type"] for e in contents.entries[-2:]] == ["resumed", "sign_in"]
    assert [e["n"] for e in contents.entries] == list(range(len(contents.entries)))


async def test_discard_deletes_the_journal_and_saves_nothing(make_app, journal_file):
    write_crashed_journal(journal_file)
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await resume_screen(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert journal_file.exists()  # asked first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert not journal_file.exists()
    assert app.database.records() == []


async def test_keep_on_the_discard_question_returns_to_the_choice(make_app, journal_file):
    write_crashed_journal(journal_file)
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await resume_screen(pilot)
        await pilot.press("d", "n")
        await pilot.pause()
        assert app.screen is dialog and journal_file.exists()


async def test_nothing_else_starts_until_the_question_is_answered(make_app, journal_file):
    write_crashed_journal(journal_file)
    before = journal_file.read_bytes()
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await resume_screen(pilot)
        await pilot.press("escape", "f2", "f9", "x")  # the start screen's keys don't reach it
        await pilot.pause()
        assert app.screen is dialog
    assert journal_file.read_bytes() == before


async def test_resume_after_a_crash_while_saving_replaces_the_saved_record(make_app,
                                                                           journal_file):
    """The app died between saving the record and deleting the journal: saving again replaces."""
    from facilitator.core.records.record import Record

    write_crashed_journal(journal_file, closing=True)
    app = make_app(meetings=[MEETING])
    app.database.add_record(Record(meeting="Tuesday Night", date=STARTED.date(), attendance=4))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await resume_screen(pilot)
        assert "stopped while saving" in str(dialog.query_one(".dialog-text").render())
        await pilot.press("r", "f10")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query(".warning-line")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(r.attendance, r.collection) for r in app.database.records()] == [(4, 4275)]
    assert not journal_file.exists()


async def test_a_journal_that_cannot_be_replayed_is_reported_and_kept(make_app, journal_file):
    """The problem is shown; 'not now' keeps the file, and no meeting can overwrite it."""
    journal_file.write_bytes(line(0, 0.0, {"type": "start", "meeting": "Tuesday Night"}))
    before = journal_file.read_bytes()
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-text").render())
        assert "cannot be replayed" in question and str(journal_file) in question
        await pilot.press("n", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert journal_file.read_bytes() == before


async def test_a_journal_that_cannot_be_replayed_can_be_discarded(make_app, journal_file):
    journal_file.write_bytes(b"{damaged\n" + line(1, 0.0, {"type": "sign_in"}))
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "first line is damaged" in str(app.screen.query_one(".dialog-text").render())
        await pilot.press("y")
        await pilot.pause()
        assert not journal_file.exists()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_a_journal_torn_in_its_first_line_does_not_block_a_new_meeting(make_app,
                                                                             journal_file):
    journal_file.write_bytes(line(0, 0.0, start_action(MEETING, STARTED.date(), STARTED,
                                                       "USD").to_json())[:30])
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("enter", "f2")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.live.session.started == datetime(2024, 3, 5, 19, 0)
    assert [e["a"]["type"] for e in journal.read(journal_file).entries] == ["start", "sign_in"]
