"""Under the pseudo-language, the screens the other walks do not reach draw no English word:
the format editor, the resume choice and its discard question, and the room display (waiting,
then a share running). What is left in plain ASCII is data or a key's name."""

from facilitator.core.meeting import actions as a
from facilitator.core.meeting.agenda_templates import template
from facilitator.tui.display_app import DisplayApp
from facilitator.tui.screens.confirm import ConfirmScreen
from tests.pseudo_locale import pseudo_language, untranslated_words
from tests.tui.hostile_text import screen_text
from tests.tui.test_display import after_one_poll, begin, mode
from tests.tui.test_format_editor import PLAIN, open_editor_from_settings
from tests.tui.test_resume import MEETING, resume_screen, write_crashed_journal

# Data: meetings' names and the people in the crashed journal; keys as the footer writes them.
DATA = {"Tuesday", "Night", "Ann", "Bo", "Cy", "Dee", "Flo", "facilitator", "USD"}
KEYS = {"esc", "ctrl", "tab", "enter", "del", "space"}
ALLOWED = DATA | KEYS


async def drawn(pilot) -> str:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen_text(pilot.app)


async def test_the_format_editor_with_a_template(make_app):
    """A built-in format is copied in the language in use; once stored, its titles are the
    group's own (data), so it is made here in the pseudo-language."""
    with pseudo_language():
        app = make_app(meetings=[PLAIN.edit(agenda=tuple(template("discussion").to_list()))])
        async with app.run_test(size=(80, 24)) as pilot:
            await open_editor_from_settings(pilot)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []


async def test_the_resume_choice_and_the_discard_question(make_app, journal_file):
    write_crashed_journal(journal_file)
    app = make_app(meetings=[MEETING])
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            await resume_screen(pilot)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert untranslated_words(await drawn(pilot), ALLOWED) == []


async def test_the_room_display_waiting_then_following_a_share(journal_file, clock):
    with pseudo_language():
        app = DisplayApp(journal_file, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert mode(screen) == "waiting"
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
            live = begin(journal_file, clock)
            live.do(a.ShareStart())
            await after_one_poll(pilot, screen)
            assert mode(screen) == "live"
            assert untranslated_words(await drawn(pilot), ALLOWED) == []
