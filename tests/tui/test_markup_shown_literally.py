"""Text that looks like markup, kept as a meeting name, a note, a reading, a section or a name:
the app stays up and every screen that shows it draws it exactly as it was written."""

from datetime import date

from textual.widgets import Input, Static

from facilitator.core.meeting import actions as a
from facilitator.core.clock import FakeClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store.live_meeting import LiveMeeting
from facilitator.tui.display_app import DisplayApp
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.format_editor import FormatEditorScreen
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.history.record_editor import RecordEditorScreen
from facilitator.tui.screens.settings import SettingsScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen
from tests.conftest import FIXED_NOW
from tests.tui.hostile_text import MARKUP, paste, screen_text

NAMES = [f"Night {text}" for text in MARKUP.values()]
CLICK = "Night [@click=app.quit]"  # a click on it would quit, were it markup


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def drawn(app, *texts: str) -> None:
    """Each text appears on the screen as it is, and the app is fine."""
    shown = screen_text(app)
    for text in texts:
        if text not in shown:
            print(shown)
        assert text in shown, text
    assert app.is_running and app.recovered == []


async def test_meeting_names_on_every_screen_that_shows_them(make_app, clock):
    app = make_app(meetings=[Meeting(name=name) for name in NAMES])
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        drawn(app, *NAMES)                                # the start screen's list
        await pilot.press("f2")                           # a new one, typed
        await pilot.pause()
        await pilot.press(*"[/]Owls[b", "ctrl+s")
        await pilot.pause()
        assert "Added [/]Owls[b." in messages(app)
        drawn(app, "[/]Owls[b", "Added [/]Owls[b.")

        options = app.screen.query_one("#meeting-list")
        options.highlighted = [option.id for option in options.options].index(CLICK.casefold())
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        drawn(app, CLICK)                                 # the header
        await pilot.press("f8", *"Zoe:[b]x[/b]", "enter")  # the notice quotes what was typed
        await pilot.pause()
        assert messages(app)[-1].startswith("collection: 'Zoe:[b]x[/b]' is not an amount")
        drawn(app, "'Zoe:[b]x[/b]'")
        await pilot.press("escape", "f9")                 # settings: the meeting chosen
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        drawn(app, CLICK)
        await pilot.press("escape", "f10")                # the summary
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        drawn(app, f"End of {CLICK}")
        clock.advance(60)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
    assert [record.meeting for record in app.database.records()] == [CLICK]


async def test_names_and_notes_in_the_history_and_the_record_editor(make_app):
    app = make_app(meetings=[Meeting(name=name) for name in NAMES])
    app.database.add_records([Record(name, date(2024, 1, 2 + index), 10 + index,
                                     note=f"note {text}")
                              for index, (name, text) in enumerate(zip(NAMES, MARKUP.values()))])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        drawn(app, *NAMES)                                # the table
        await pilot.press("enter")                        # the newest: "Night ]x["
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, RecordEditorScreen)
        drawn(app, "Night ]x[, Tue 9 Jan 2024")
        note = editor.query_one("#record-note", Input)
        assert note.value == "note ]x["
        await paste(pilot, note, "[/]new note[b")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved Night ]x[, 2024-01-09." in messages(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#record-note", Input).value == "[/]new note[b"
        await pilot.press("ctrl+d")                       # the question quotes the name
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        drawn(app, "Delete the record of Night ]x[ on Tue 9 Jan 2024 (2024-01-09)?")
    assert app.database.find_record("Night ]x[", date(2024, 1, 9)).note == "[/]new note[b"


async def test_a_reading_file_sections_and_chair_notes(make_app, data_dir):
    (data_dir / "readings").mkdir()
    (data_dir / "readings" / "markup.txt").write_text("\n".join(MARKUP.values()) + "\n",
                                                      encoding="utf-8")
    agenda = ({"title": "[b]Open", "minutes": 5, "reading": "markup.txt"},
              {"title": "[/]Close", "minutes": 5, "note": "[link=x]chair[/]"})
    meeting = Meeting(name="Night [b]x[/b]", agenda=agenda)
    app = make_app(meetings=[meeting])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        reading = str(screen.query_one("#agenda-text", Static).render())
        assert reading == "\n".join(MARKUP.values()) + "\n"
        screen.show_tab("tab-agenda")
        screen.query_one("#agenda-reading").focus()
        await pilot.pause()
        drawn(app, "1/2 [b]Open", "[/]Close", *MARKUP.values())  # line, list, reading
        await pilot.press("f12")
        await pilot.pause()
        drawn(app, "2/2 [/]Close", "[link=x]chair[/]")

        app.push_screen(FormatEditorScreen(app.database.meetings()[0]))
        await pilot.pause()
        editor = app.screen
        drawn(app, "Format of Night [b]x[/b]", "[b]Open", "[/]Close")
        await paste(pilot, editor.query_one("#section-title", Input), "[@click=app.quit]")
        await paste(pilot, editor.query_one("#section-reading", Input), "[link=x].txt")
        drawn(app, "[@click=app.quit]", "not found yet: " + str(data_dir / "readings"))
        assert "[link=x].txt" in str(editor.query_one("#format-total", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.database.meetings()[0].agenda[0]["title"] == "[@click=app.quit]"


async def test_a_ladder_named_like_markup_is_reported_literally(make_app):
    app = make_app(meetings=[Meeting(name="Tuesday Night")],
                   settings=GroupSettings(ladder="[b]mine[/b]"))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        problem = str(app.screen.query_one("#chips-problem", Static).render())
        assert problem.startswith("No chips: ladder: '[b]mine[/b]' is not a ladder name")
        drawn(app, "No chips: ladder: '[b]mine[/b]'")


async def test_the_room_display_shows_the_names_literally(journal_file):
    clock = FakeClock(FIXED_NOW)
    settings = GroupSettings(names_on_display=True)
    live = LiveMeeting.begin(journal_file, Meeting(name="Night [b]x[/b"), settings, clock)
    for name in ("[/]Al", "Bo[@click=app.quit]"):
        live.do(a.QueueName(name=name))
    live.do(a.ShareStart())
    app = DisplayApp(journal_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        drawn(app, "Night [b]x[/b", "Sharing: [/]Al", "Bo[@click=app.quit]")
