"""The format editor: a template, sections added, removed, moved and changed, by keyboard."""

import pytest
from textual.widgets import DataTable, Input, Select, Static

from facilitator.core.meeting.agenda import Format, Section
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES, template
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.format_editor import FormatEditorScreen
from facilitator.tui.screens.settings import SettingsScreen

PLAIN = Meeting(name="Tuesday Night", duration_minutes=60)
WITH_FORMAT = PLAIN.edit(agenda=tuple(template("smart").to_list()))


def stored_format(app) -> Format:
    return Format.from_list(app.database.get_meeting("Tuesday Night").agenda)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_editor_from_settings(pilot) -> FormatEditorScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    await pilot.press("ctrl+f")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FormatEditorScreen)
    return pilot.app.screen


async def choose_template(pilot, steps_down: int) -> None:
    """From the section list: back to the template chooser, pick one, F4 applies it."""
    await pilot.press("shift+tab", "shift+tab", "enter")
    await pilot.pause()
    for _ in range(steps_down):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("f4")
    await pilot.pause()


async def test_a_template_changed_by_keyboard_and_saved(make_app):
    app = make_app(meetings=[PLAIN])
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor_from_settings(pilot)
        assert editor.query_one("#sections", DataTable).has_focus
        assert editor.format == Format()
        await choose_template(pilot, 1)                         # discussion
        assert editor.format == template("discussion")
        assert editor.query_one("#sections", DataTable).has_focus
        await pilot.press("down", "down", "enter")              # Readings: edit its fields
        await pilot.press("tab", *"7", "tab", "tab", *"preamble.txt", "enter")
        await pilot.pause()
        assert editor.query_one("#sections", DataTable).has_focus
        await pilot.press("f2", *"Serenity", "tab", "2", "enter")   # a new section after it
        await pilot.press("ctrl+up")                            # ... moved before Readings
        await pilot.press("up", "f3")                           # Moment of silence goes
        await pilot.pause()
        total = str(editor.query_one("#format-total", Static).render())
        assert total.startswith("8 sections, 63 min planned; the meeting lasts 60 min")
        assert "not found yet:" in total and total.endswith("preamble.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    expected = (template("discussion").edit_section(2, minutes=7, reading="preamble.txt")
                .add(Section("Serenity", 2), 2).remove(1))
    assert stored_format(app) == expected
    assert [s.title for s in expected.sections][:4] == [
        "Opening", "Serenity", "Readings", "Announcements"]


@pytest.mark.parametrize("keys, message", [
    (["tab", "0"], "section 1 minutes: must be from 1 to 240"),
    (["tab", *"999"], "section 1 minutes: 999 is more than 240"),
    (["tab", *"ten"], "section 1 minutes: must be a whole number, not 'ten'"),
    (["tab", "backspace"], "section 1 minutes: must be a whole number, not ''"),
    (["backspace"], "section 1 title: cannot be empty"),
])
async def test_an_invalid_value_is_refused_naming_the_field(make_app, keys, message):
    app = make_app(meetings=[WITH_FORMAT])
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor_from_settings(pilot)
        await pilot.press("enter", *keys)
        await pilot.pause()
        error = str(editor.query_one("#format-error", Static).render())
        assert error == message
        await pilot.press("f2", "ctrl+s")                       # nothing moves until it is fixed
        await pilot.pause()
        assert app.screen is editor
        assert len(editor.format) == 6
        assert f"Fix this first: {message}" in messages(app)
    assert stored_format(app) == template("smart")


async def test_fixing_the_value_clears_the_message(make_app):
    app = make_app(meetings=[WITH_FORMAT])
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor_from_settings(pilot)
        await pilot.press("enter", "tab", "0")
        await pilot.pause()
        assert str(editor.query_one("#format-error", Static).render()) != ""
        await pilot.press("backspace", "4", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormatEditorScreen)
    assert stored_format(app) == template("smart").edit_section(0, minutes=4)


async def test_leaving_with_changes_asks_first(make_app):
    app = make_app(meetings=[WITH_FORMAT])
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor_from_settings(pilot)
        await pilot.press("f3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is editor and len(editor.format) == 5
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert stored_format(app) == template("smart")


async def test_from_the_command_palette_a_format_is_cleared(make_app):
    app = make_app(meetings=[WITH_FORMAT])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Edit format")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FormatEditorScreen)
        await pilot.press("f4")                                 # no template chosen yet
        await pilot.pause()
        assert "Choose a template first." in messages(app)
        assert editor.query_one("#template", Select).has_focus
        # "no format" comes after every template in the list
        await pilot.press("enter", *["down"] * (len(TEMPLATE_NAMES) + 1), "enter", "f4")
        await pilot.pause()
        assert editor.format == Format()
        assert editor.query_one("#section-title", Input).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.database.get_meeting("Tuesday Night").agenda == ()
