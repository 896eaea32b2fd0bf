"""At 40x12 every dialog's buttons can be reached (Tab) and read (the whole label shows)."""

from datetime import date

import pytest
from textual.widgets import Button

from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.screens.chips.calculator import ChipCalculatorScreen
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.history.record_editor import RecordEditorScreen
from facilitator.tui.screens.meeting.edit_attendee import EditAttendeeScreen
from facilitator.tui.screens.meeting.form import MeetingFormScreen
from facilitator.tui.screens.meeting.resume import ResumeScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen
from facilitator.tui.screens.settings import SettingsScreen
from facilitator.tui.screens.treasury.entry_form import EntryFormScreen
from facilitator.tui.screens.treasury.plan_form import PlanFormScreen

SMALL = (40, 12)
TUESDAY = Meeting(name="Tuesday Night")
LONG_QUESTION = ("Tuesday Night was saved today at 21:02 — 23 attended.\n\nA meeting keeps one "
                 "record a day: running it again replaces that record when you save.")


async def assert_buttons_in_reach(pilot) -> None:
    """Each button, focused by Tab as a person would, lies inside the screen, label whole."""
    screen = pilot.app.screen
    buttons = list(screen.query(Button))
    assert buttons
    for button in buttons:
        assert button.focusable, button.label
        button.focus()  # as Tab would: the dialog scrolls it into view
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        region, whole = button.region, screen.region
        assert region.area and whole.contains_region(region), (str(button.label), region)
        assert button.content_region.width >= len(str(button.label)), str(button.label)


DIALOGS = {
    "confirm": lambda app: ConfirmScreen(LONG_QUESTION, "Run again, replace it", "Cancel"),
    "settings": lambda app: SettingsScreen(),
    "meeting form": lambda app: MeetingFormScreen(),
    "record editor": lambda app: RecordEditorScreen(Record("Tuesday Night", date(2024, 3, 5),
                                                           23, newcomers=2)),
    "treasury entry": lambda app: EntryFormScreen(),
    "treasury plan": lambda app: PlanFormScreen(),
    "chip calculator": lambda app: ChipCalculatorScreen(),
}


@pytest.mark.parametrize("name", DIALOGS)
async def test_a_dialog_on_the_start_screen(make_app, name):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await app.push_screen(DIALOGS[name](app))
        await pilot.pause()
        await assert_buttons_in_reach(pilot)


async def test_the_resume_dialog(make_app, clock, journal_file):
    app = make_app(meetings=[TUESDAY])
    LiveMeeting.begin(journal_file, TUESDAY, GroupSettings(), clock)  # then left behind
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await assert_buttons_in_reach(pilot)


@pytest.mark.parametrize("dialog", ["summary", "edit attendee"])
async def test_a_dialog_over_the_meeting(make_app, start_meeting, dialog):
    app = make_app(meetings=[TUESDAY])
    async with app.run_test(size=SMALL) as pilot:
        screen = await start_meeting(pilot, names=("Ann",))
        if dialog == "summary":
            await app.push_screen(SummaryScreen(screen.live))
        else:
            [person] = screen.live.session.attendees
            await app.push_screen(EditAttendeeScreen(person))
        await pilot.pause()
        await assert_buttons_in_reach(pilot)
