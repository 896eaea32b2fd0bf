"""The start screen knows today: a meeting saved today says so, and running it again asks."""

from datetime import date, time

import pytest

from facilitator.core.records.record import Record
from facilitator.core.records.saved_today import run_again_question, saved_line
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.start import StartScreen
from textual.widgets import OptionList

TODAY = date(2024, 3, 5)  # the test clock's day
SAVED = Record("Tuesday Night", TODAY, 23, newcomers=2, end=time(21, 2))


@pytest.mark.parametrize(("record", "line"), [
    (SAVED, "saved today at 21:02 — 23 attended"),
    (Record("Tuesday Night", TODAY, 1), "saved today — 1 attended"),
    (Record("Tuesday Night", TODAY, 1200, end=time(9, 5)), "saved today at 09:05 — 1,200 attended"),
])
def test_the_saved_line(record, line):
    assert saved_line(record) == line


def test_the_question_names_the_meeting_and_what_happens_to_the_first():
    question = run_again_question(SAVED)
    assert question.startswith("Tuesday Night was saved today at 21:02 — 23 attended.")
    assert "replaces that record when you save" in question


def option_texts(app) -> list[str]:
    options = app.screen.query_one("#meeting-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def saved_app(make_app):
    app = make_app(meetings=[Meeting(name="Tuesday Night"), Meeting(name="Friday Step")])
    app.database.add_record(SAVED)
    app.database.add_record(Record("Friday Step", date(2024, 3, 1), 9))  # not today
    return app


async def test_the_start_screen_says_which_meeting_was_saved_today(make_app):
    app = await saved_app(make_app)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        texts = option_texts(app)
        [tuesday] = [t for t in texts if t.startswith("Tuesday Night")]
        [friday] = [t for t in texts if t.startswith("Friday Step")]
        assert tuesday.endswith("saved today at 21:02 — 23 attended")
        assert "saved" not in friday


async def choose(pilot, name: str) -> None:
    options = pilot.app.screen.query_one("#meeting-list", OptionList)
    options.highlighted = options.get_option_index(name.casefold())
    await pilot.press("enter")
    await pilot.pause()


async def test_running_it_again_asks_first_and_cancel_starts_nothing(make_app, journal_file):
    app = await saved_app(make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(pilot, "Tuesday Night")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == run_again_question(SAVED)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and not journal_file.exists()
        await choose(pilot, "Tuesday Night")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and journal_file.exists()
    [record] = app.database.records("Tuesday Night")
    assert record == SAVED  # nothing replaced until the second run is saved


async def test_a_meeting_not_saved_today_starts_at_once(make_app):
    app = await saved_app(make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(pilot, "Friday Step")
        assert isinstance(app.screen, MeetingScreen)
