"""The Settings screen's business meeting fields: the discussion minutes and a threshold per
kind of motion are saved and shown again; a bad value is one line and nothing is saved."""

import pytest
from textual.widgets import Input, Select

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import DEFAULT_THRESHOLDS, GroupSettings
from facilitator.tui.screens.settings import SettingsScreen

MEETINGS = [Meeting(name="Group Conscience")]


async def open_settings(pilot) -> SettingsScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    return pilot.app.screen


async def test_discussion_minutes_and_thresholds_are_saved_and_shown_again(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#discussion-minutes", Input).value == "2"
        assert screen.query_one("#threshold-format", Select).value == "two-thirds"
        screen.query_one("#discussion-minutes", Input).value = " 3 "
        screen.query_one("#threshold-spending", Select).value = "two-thirds"
        screen.query_one("#threshold-traditions", Select).value = "unanimous"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    stored = app.database.settings()
    assert stored.discussion_minutes == 3
    assert stored.motion_thresholds == (("ordinary", "majority"), ("spending", "two-thirds"),
                                        ("format", "two-thirds"), ("traditions", "unanimous"))
    app.database.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#discussion-minutes", Input).value == "3"
        assert {kind: screen.query_one(f"#threshold-{kind}", Select).value
                for kind, _ in DEFAULT_THRESHOLDS} == dict(stored.motion_thresholds)


@pytest.mark.parametrize(("typed", "message"), [
    ("", "discussion minutes: must be a whole number"),
    ("0", "discussion minutes: must be from 1 to 60"),
    ("61", "discussion minutes: 61 is more than 60"),
    ("2.5", "discussion minutes: must be a whole number"),
    ("two", "discussion minutes: must be a whole number"),
])
async def test_a_bad_discussion_length_is_one_line_and_nothing_is_saved(make_app, typed,
                                                                       message):
    app = make_app(meetings=MEETINGS)
    before = app.database.settings()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#discussion-minutes", Input).value = typed
        screen.query_one("#threshold-ordinary", Select).value = "unanimous"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        shown = str(screen.query_one("#settings-error").render())
        assert shown.startswith(message) and "\n" not in shown, shown
    assert app.database.settings() == before == GroupSettings()
