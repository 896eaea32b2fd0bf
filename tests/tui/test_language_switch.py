"""Choosing the language in Settings: every open screen speaks it at once, no restart; the
choice is the group's, kept in its settings."""

import pytest
from textual.widgets import Select, Static

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store import language
from facilitator.tui.screens.settings import SettingsScreen
from facilitator.tui.screens.start import StartScreen
from tests.pseudo_locale import PseudoTranslations, pseudo

MEETINGS = [Meeting(name="Tuesday Night", share_minutes=5)]


@pytest.fixture
def pseudo_spanish(monkeypatch):
    """Spanish's catalog is the pseudo-language: every word the screens show is marked."""
    english = language.load_catalog
    monkeypatch.setattr(language, "load_catalog", lambda locale: (
        PseudoTranslations() if locale.language == "es" else english(locale)))


async def choose_language(pilot, code: str) -> None:
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    pilot.app.screen.query_one("#language", Select).value = code
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


def start_title(app) -> str:
    return str(app.screen.query_one("#start-title", Static).render())


async def test_the_start_screen_speaks_the_chosen_language_at_once(make_app, pseudo_spanish):
    app = make_app(MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert start_title(app) == "Which meeting are we running?"
        await choose_language(pilot, "es")
        assert isinstance(app.screen, StartScreen)
        assert start_title(app) == pseudo("Which meeting are we running?")
        # The list of meetings is filled again, the meeting's name as the group typed it.
        assert app.screen.query_one("#meeting-list").option_count == 1
        assert "Tuesday Night" in str(app.screen.query_one("#meeting-list")
                                      .get_option_at_index(0).prompt)
        footer = " ".join(key.description for key in app.screen.query("FooterKey"))
        assert pseudo("History") in footer and "History" not in footer.split()
        await choose_language(pilot, "")  # this computer's: English in the tests
        assert start_title(app) == "Which meeting are we running?"
    assert app.database.settings().language == ""


async def test_the_language_chosen_is_kept_as_its_code(make_app, pseudo_spanish):
    app = make_app(MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose_language(pilot, "es")
    assert app.database.settings().language == "es"


async def test_settings_offer_the_computers_language_then_each_in_its_own_words(make_app):
    app = make_app(MEETINGS, GroupSettings(language="es"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        select = app.screen.query_one("#language", Select)
        assert select.value == "es"
        assert [label for label, _value in select._options] == [
            "This computer's language", "English", "Español"]


async def test_a_meeting_in_progress_keeps_its_state_through_a_change_of_language(
        make_app, start_meeting, pseudo_spanish):
    app = make_app(MEETINGS)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot, names=("Ann", "Bo"), queued=True)
        focused = screen.focused.id
        await choose_language(pilot, "es")
        assert app.screen is screen
        assert screen.live.session.queue.waiting_count == 2
        await pilot.pause()
        assert screen.query("#meeting-header")  # rebuilt, not emptied
        assert screen.focused.id == focused  # the same box or list as before
        await pilot.press("f9")  # the screen still takes its keys
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_the_history_keeps_its_filters_through_a_change_of_language(make_app,
                                                                         pseudo_spanish):
    from datetime import date

    from facilitator.core.records.record import Record
    from facilitator.tui.screens.history.screen import HistoryScreen

    app = make_app(MEETINGS)
    app.database.add_records([Record("Tuesday Night", date(2024, 1, day), 10 + day)
                              for day in (2, 9, 16)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "f5")  # per week
        await app.workers.wait_for_complete()
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen) and history.choice.by == "week"
        app.speak("es")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is history and history.choice.by == "week"
        assert history.query_one("#history-by", Select).value == "week"
        assert len(history.view.groups) == 3
        assert pseudo("Week {position} of {count}, newest first · Enter lists its meetings"
                      ).split("{")[0] in str(history.query_one("#history-status").render())
