"""The chip calculator dialog: strict dates, time sober, milestones, and nothing written."""

import pytest
from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.tui.screens.chips.calculator import ChipCalculatorScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.start import StartScreen

MEETING = Meeting(name="Tuesday Night")  # the clock says Tue 5 Mar 2024, 19:00


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def check(pilot, text: str) -> ChipCalculatorScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ChipCalculatorScreen)
    box = screen.query_one("#sober-date", Input)
    box.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()
    return screen


# (typed, date order, lines expected in the result)
GOOD = [
    ("2024-02-05", None, ["Sober date  Mon 5 Feb 2024 (2024-02-05)",
                          "Time sober  1 month (29 days)",
                          "Reached     24 hours, on Tue 6 Feb 2024 (2024-02-06)",
                          "Next        30 days, on Wed 6 Mar 2024 (2024-03-06)",
                          "Days until  1"]),
    ("2023-03-05", None, ["Time sober  1 year (366 days)", "Reached     1 year, today",
                          "Next        18 months, on Thu 5 Sep 2024 (2024-09-05)",
                          "Days until  184"]),
    ("2024-03-05", None, ["Time sober  0 days (0 days)", "Reached     none yet",
                          "Next        24 hours, on Wed 6 Mar 2024 (2024-03-06)"]),
    ("2023-01-31", None, ["Time sober  1 year, 1 month, 5 days (399 days)",
                          "Reached     1 year, on Wed 31 Jan 2024 (2024-01-31)"]),
    ("14 March 2021", None, ["Sober date  Sun 14 Mar 2021 (2021-03-14)",
                             "Reached     2 years, on Tue 14 Mar 2023 (2023-03-14)",
                             "Next        3 years, on Thu 14 Mar 2024 (2024-03-14)"]),
    ("03/04/2023", "dayfirst", ["Sober date  Mon 3 Apr 2023 (2023-04-03)"]),
    ("03/04/2023", "monthfirst", ["Sober date  Sat 4 Mar 2023 (2023-03-04)"]),
    ("13/04/2023", None, ["Sober date  Thu 13 Apr 2023 (2023-04-13)"]),
]


async def test_a_good_date_shows_time_sober_and_milestones(make_app):
    """One dialog for the whole table (an app per case would be slow); the order is read live."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        for typed, order, expected in GOOD:
            app.settings = GroupSettings(date_order=order)
            screen = await check(pilot, typed)
            result = shown(screen, "#calculator-result").splitlines()
            for line in expected + ["Today       Tue 5 Mar 2024 (2024-03-05)"]:
                assert line in result, (typed, order)
            assert shown(screen, "#calculator-error") == "", typed


BAD = [
    ("03/04/2024", "sober date: '03/04/2024' could be 3 Apr or Mar 4; type it as YYYY-MM-DD "
                   "or set the date order (day-first or month-first) in Settings (F9 or ,)"),
    ("2024-03-06", "sober date: 2024-03-06 is in the future"),
    ("2024-02-30", "sober date: 2024-02-30 does not exist: February 2024 has 29 days"),
    ("March 2024", "sober date: 'March 2024' is not a whole date; type day, month and year, "
                   "e.g. 2024-03-14"),
    ("5", "sober date: '5' is not a whole date; type day, month and year, e.g. 2024-03-14"),
    ("03/04/24", "sober date: write the year with four digits (not '24')"),
    ("", "sober date: a date is needed (YYYY-MM-DD)"),
]


async def test_a_bad_date_gets_one_line_naming_the_field(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        for typed, message in BAD:
            screen = await check(pilot, "2024-01-01")  # a result first: a bad date clears it
            assert shown(screen, "#calculator-result") != ""
            screen = await check(pilot, typed)
            assert shown(screen, "#calculator-error") == message
            assert shown(screen, "#calculator-result") == "", typed


async def test_from_the_meeting_nothing_is_written_or_journaled(make_app, db_path,
                                                                journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "f2")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        database_before, journal_before = db_path.read_bytes(), journal_file.read_bytes()
        await pilot.press("ctrl+t")
        await check(pilot, "2023-01-31")
        await check(pilot, "03/04/2024")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is meeting
        assert db_path.read_bytes() == database_before
        assert journal_file.read_bytes() == journal_before
        assert b"2023-01-31" not in journal_before
        assert meeting.live.session.attendance == 1


@pytest.mark.parametrize("on_start", [True, False])
async def test_the_calculator_is_in_the_command_palette(make_app, on_start):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if not on_start:
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, StartScreen if on_start else MeetingScreen)
        assert "Chip calc." in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p", *"chip calc")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChipCalculatorScreen)
