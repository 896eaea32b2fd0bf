"""Under the pseudo-language, every word the shell's screens draw at 80x24 went through the
catalog: what is left in plain ASCII is data (meeting names, figures, dates) or a key's name."""

from datetime import date

import pytest

from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.chips.calculator import ChipCalculatorScreen
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.history.record_editor import RecordEditorScreen
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.screens.settings import SettingsScreen
from facilitator.tui.screens.start import StartScreen
from tests.pseudo_locale import pseudo, pseudo_language, untranslated_words
from tests.tui.hostile_text import screen_text

MEETINGS = [Meeting(name="Tuesday Night", days=(1,)), Meeting(name="Saturday Speaker", days=(5,))]
RECORDS = [
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, collection=2000),
    Record("Saturday Speaker", date(2024, 1, 6), 12, visitors=1, collection=1000),
    Record("Tuesday Night", date(2024, 2, 6), 30, newcomers=3, shares=8, chips={"30d": 1}),
]
# Data: the meetings' names and days as typed, the app's name, the group's values in fields
# (currency, ladder, theme).
DATA = {"Tuesday", "Night", "Saturday", "Speaker", "facilitator", "USD", "aa",
        "textual", "dark"}
# Key names, as the footer writes them.
KEYS = {"esc", "ctrl", "tab", "enter"}
ALLOWED = DATA | KEYS


async def drawn(pilot) -> str:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen_text(pilot.app)


@pytest.fixture
def app(make_app):
    built = make_app(meetings=MEETINGS)
    built.database.add_records(RECORDS)
    return built


async def test_the_start_settings_and_help_screens(app):
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, StartScreen)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            await pilot.press("escape", "f9")
            assert isinstance(app.screen, SettingsScreen)
            text = await drawn(pilot)
            for _page in range(4):
                await pilot.press("pagedown")
                text += await drawn(pilot)
            assert untranslated_words(text, ALLOWED) == []


async def test_the_history_record_editor_and_chip_calculator(app):
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f4")
            assert isinstance(app.screen, HistoryScreen)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            await pilot.press("enter")
            assert isinstance(app.screen, RecordEditorScreen)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            await pilot.press("escape", "escape", "ctrl+t")
            assert isinstance(app.screen, ChipCalculatorScreen)
            await pilot.press(*"2024-01-01", "enter")
            assert untranslated_words(await drawn(pilot),
                                      ALLOWED) == []


async def test_the_command_palette_and_its_commands(app):
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause(0.3)  # the palette lists its commands a moment after opening
            text = await drawn(pilot)
            assert pseudo("Search for commands…") in text or pseudo("Start meeting") in text
            assert untranslated_words(text, ALLOWED) == []
            commands = list(app.get_system_commands(app.screen_stack[-2]))
            words = " ".join(f"{command.title} {command.help}" for command in commands)
            assert untranslated_words(words, ALLOWED) == []
