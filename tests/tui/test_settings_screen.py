"""The settings screen: refused values name the field and store nothing; good ones are kept."""

from datetime import time

from textual.widgets import Input, Select

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.settings import SettingsScreen

MEETINGS = [Meeting(name="Tuesday Night", share_minutes=5),
            Meeting(name="Sunday Morning", share_minutes=3)]


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_settings(pilot) -> SettingsScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def fill(screen: SettingsScreen, **values) -> None:
    """Set inputs, selects and switches by id (underscores stand for dashes)."""
    for key, value in values.items():
        widget = screen.query_one(f"#{key.replace('_', '-')}")
        widget.value = value


INVALID = [
    ({"currency": "12"}, "currency: '12' is not a 3-letter code"),
    ({"currency": ""}, "currency: cannot be empty"),
    ({"ladder": "  "}, "ladder: cannot be empty"),
    ({"warning_seconds": "abc"}, "warning seconds: must be a whole number"),
    ({"warning_seconds": "2"}, "warning seconds: must be from 5 to 600"),
    ({"warning_seconds": "9999"}, "warning seconds: 9999 is more than 600"),
    ({"closing_reserve": "-1"}, "closing reserve: must be a whole number"),
    ({"closing_reserve": "61"}, "closing reserve: 61 is more than 60"),
    ({"meeting_name": ""}, "name: cannot be empty"),
    ({"meeting_name": "tuesday NIGHT"}, "name: a meeting named 'tuesday NIGHT' already exists"),
    ({"meeting_share": "0"}, "share minutes: must be from 1 to 30"),
    ({"meeting_share": ""}, "share minutes: cannot be empty"),
    ({"meeting_share": "31"}, "share minutes: 31 is more than 30"),
    ({"meeting_days": "funday"}, "day: 'funday' is not a weekday"),
    ({"meeting_time": "25:00"}, "time: '25:00' is not a time"),
    ({"meeting_duration": "0"}, "duration: must be at least 1 minute"),
    ({"meeting_types": "O,ZZZ"}, "types: unknown Meeting Guide type code ZZZ"),
]


VALID = {"currency": "USD", "ladder": "aa", "warning_seconds": "45", "closing_reserve": "5",
         "meeting_name": "Sunday Morning", "meeting_share": "3", "meeting_days": "",
         "meeting_time": "", "meeting_duration": "", "meeting_types": ""}


async def test_an_invalid_value_is_refused_naming_the_field(make_app):
    """Each value in INVALID, among valid ones: refused by name; nothing at all is stored."""
    app = make_app(meetings=MEETINGS)
    before = (app.database.settings(), app.database.meetings())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        for values, message in INVALID:
            app.clear_notifications()
            fill(screen, **{**VALID, **values})
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen, values  # stays open so the value can be fixed
            shown = str(screen.query_one("#settings-error").render())
            assert shown.startswith(message), (values, shown)
            assert any(m.startswith(message) for m in messages(app)), values  # seen if scrolled
            assert (app.database.settings(), app.database.meetings()) == before, values


async def test_valid_values_are_stored_in_the_database(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        meeting_key = screen.query_one("#meeting", Select).value
        assert meeting_key == "sunday morning"  # the first by name
        screen.query_one("#meeting", Select).value = "tuesday night"
        await pilot.pause()
        assert screen.query_one("#meeting-share", Input).value == "5"
        fill(screen, currency="eur", date_order="dayfirst", ladder="na", warning_seconds="30",
             closing_reserve="10", bell=True, names_on_display=True, meeting_name="Tuesday Nite",
             meeting_share="7", meeting_days="tue,thu", meeting_time="19:30",
             meeting_duration="90", meeting_types="o,D", meeting_queue="round")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert "Settings saved." in messages(app)
    settings = app.database.settings()
    assert settings == GroupSettings(currency="EUR", date_order="dayfirst", ladder="na",
                                     warning_seconds=30, closing_reserve_minutes=10, bell=True,
                                     names_on_display=True, theme=settings.theme)
    assert app.settings == settings
    edited = app.database.get_meeting("Tuesday Nite")
    assert (edited.share_minutes, edited.days, edited.start, edited.duration_minutes,
            edited.types, edited.queue_mode) == (7, (1, 3), time(19, 30), 90, ("O", "D"), "round")
    assert [m.name for m in app.database.meetings()] == ["Sunday Morning", "Tuesday Nite"]


async def test_settings_open_from_the_command_palette(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_the_theme_choice_is_remembered(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        assert "high-contrast" in app.available_themes  # readable on a projector
        fill(screen, theme="high-contrast")
        await pilot.pause()
        assert app.theme == "high-contrast"  # shown at once
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.database.settings().theme == "high-contrast"
    app.database.close()
    again = make_app()
    assert again.theme == "high-contrast"


async def test_a_theme_chosen_in_the_palette_is_remembered_too(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "projector-light"
        await pilot.pause()
    assert app.database.settings().theme == "projector-light"


async def test_settings_during_a_meeting_keep_it_running(make_app):
    """F9 in the meeting: the meeting in progress can't be renamed under it."""
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#meeting-list").highlighted = 1  # Tuesday Night
        await pilot.press("enter", "f2")
        await pilot.pause()
        meeting_screen = app.screen
        assert isinstance(meeting_screen, MeetingScreen)
        screen = await open_settings(pilot)
        screen.query_one("#meeting", Select).value = "tuesday night"
        await pilot.pause()
        fill(screen, meeting_name="Tuesday Late", meeting_share="6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        refused = str(screen.query_one("#settings-error").render())
        assert refused.startswith("name: ") and "in progress" in refused
        fill(screen, meeting_name="Tuesday Night")
        await pilot.press("ctrl+s", "f10", "ctrl+s")
        await pilot.pause()
        assert app.screen is not meeting_screen
    assert app.database.get_meeting("Tuesday Night").share_minutes == 6
    assert [(r.meeting, r.attendance) for r in app.database.records()] == [("Tuesday Night", 1)]
