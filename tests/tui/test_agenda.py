"""The agenda on the meeting screen: the keys, time per section, shares that follow the clock."""

import pytest
from textual import events
from textual.widgets import Input, Static, TabbedContent

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen
from facilitator.tui.widgets.agenda_line import AgendaLine
from facilitator.tui.widgets.meeting_header import MeetingHeader
from facilitator.tui.widgets.queue_list import QueueList

# Discussion: Opening 2, Moment of silence 1, Readings 5, Announcements 3, Chips 3,
# 7th tradition 3, Shares 40, Closing 3 = 60 minutes.
DISCUSSION = template("discussion").edit_section(2, reading="preamble.txt")
MEETING = Meeting(name="Tuesday Night", share_minutes=5, duration_minutes=60,
                  agenda=tuple(DISCUSSION.to_list()))
PREAMBLE = "Read your group's preamble here.\n[b]not markup[/b] [link=http://x]y[/link]\n"


@pytest.fixture
def reading(data_dir):
    folder = data_dir / "readings"
    folder.mkdir()
    (folder / "preamble.txt").write_text(PREAMBLE, encoding="utf-8")
    return folder / "preamble.txt"


def line_text(screen: MeetingScreen) -> str:
    return screen.query_one(AgendaLine).render().plain


def journal_types(path) -> list[str]:
    return [entry["a"]["type"] for entry in journal.read(path).entries]


async def run_sections(pilot, clock, minutes: list[float]) -> None:
    """Spend each of `minutes` in the current section, then F12 to the next."""
    for length in minutes:
        clock.advance(length * 60)
        await pilot.press("f12")
    await pilot.pause()


async def test_the_agenda_moves_with_the_keys_and_counts_each_section(
        make_app, start_meeting, clock, reading, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        assert line_text(screen) == "1/8 Opening 0:00 / 2:00 · next Moment of silence 1 min"
        await pilot.press(*"Ann")                    # the keys work while a name is typed
        clock.advance(150)
        over = "1/8 Opening 2:30 / 2:00 over by 0:30 · next Moment of silence 1 min"
        for _ in range(100):                         # the line redraws from the clock's tick
            await pilot.pause(0.05)                  # (every 0.2 s), not from the keys
            if line_text(screen) == over:
                break
        assert line_text(screen) == over
        await pilot.press("f12")
        await pilot.pause()
        assert screen.query_one("#name-input", Input).value == "Ann"
        assert line_text(screen) == "2/8 Moment of silence 0:00 / 1:00 · next Readings 5 min"
        clock.advance(40)
        await pilot.press("f12")
        clock.advance(10)
        await pilot.press("shift+f12")               # back to Moment of silence
        clock.advance(20)
        await pilot.press("f24")                     # shift+F12 as tmux and xterm send it
        await pilot.pause()
        assert "1/8 Opening 2:30 / 2:00" in line_text(screen)
        await pilot.press("shift+f12")               # the first section stays first
        await run_sections(pilot, clock, [0.5, 0, 6, 3, 3, 3, 30, 2])
        assert line_text(screen) == "Agenda done: all 8 sections"
        await pilot.press("f12")                     # past the end: nothing more happens
        await pilot.pause()
        assert journal_types(journal_file).count("section_next") == 10
        assert journal_types(journal_file).count("section_previous") == 2
        assert screen.query_one("#name-input", Input).value == "Ann"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (record,) = app.database.records()
    assert record.sections == {
        "Opening": 180, "Moment of silence": 60, "Readings": 370, "Announcements": 180,
        "Chips": 180, "7th tradition": 180, "Shares": 1800, "Closing": 120}


@pytest.mark.parametrize("late_minutes, left, each", [
    (0, "40:00", 600),     # on plan: 40 minutes for 4 people
    (2, "28:00", 420),     # six sections two minutes long: 28 minutes, 7 each
    (6, "4:00", 60),       # far behind: never below one minute each
])
async def test_shares_shrink_when_earlier_sections_ran_long(
        make_app, start_meeting, clock, reading, late_minutes, left, each):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r")   # four raised hands
        planned = [2, 1, 5, 3, 3, 3]
        await run_sections(pilot, clock, [m + late_minutes for m in planned])
        assert screen.live.session.agenda.current.title == "Shares"
        assert f"{left} left for shares" in line_text(screen)
        suggestion = str(screen.query_one("#shares-suggestion", Static).render())
        assert f"suggested: {each // 60}:00 each so all 4 can share" in suggestion
        await pilot.press("f7", "s")                 # apply the suggested length
        await pilot.pause()
        assert screen.query_one(QueueList).has_focus
        assert screen.live.session.share_seconds == each


async def test_the_tab_follows_the_section(make_app, start_meeting, clock, reading):
    """A reading or a note shows the agenda tab; a section without one, the sign-in list."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        tabs = screen.query_one("#left-tabs", TabbedContent)
        expected = [("Moment of silence", "tab-signin"), ("Readings", "tab-agenda"),
                    ("Announcements", "tab-signin"), ("Chips", "tab-agenda"),
                    ("7th tradition", "tab-signin")]
        for title, tab in expected:
            await pilot.press("f12")
            await pilot.pause()
            assert (screen.live.session.agenda.current.title, tabs.active) == (title, tab)
            # The reading or note can be scrolled at once; otherwise names can be typed.
            assert screen.focused.id == {"tab-agenda": "agenda-reading",
                                         "tab-signin": "name-input"}[tab]
            if title == "Readings":
                text = str(screen.query_one("#agenda-text", Static).render())
                assert "[b]not markup[/b] [link=http://x]y[/link]" in text
        await pilot.press("shift+f12")               # back to Chips and its note
        await pilot.pause()
        assert tabs.active == "tab-agenda"
        for letter in "Bobby":                       # as a terminal sends a burst of keys
            app.post_message(events.Key(letter, letter))
        await pilot.pause()
        await pilot.press("f2")                      # a late arrival: the name box took it
        await pilot.pause()
        assert tabs.active == "tab-signin"
        assert [p.name for p in screen.live.session.attendees] == ["Bobby"]


async def test_the_panel_lists_plan_and_time_used(make_app, start_meeting, clock, reading):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        await run_sections(pilot, clock, [3, 1])
        screen.read_clock()  # the tick's own read (the line redrawing on the tick is tested above)
        await pilot.pause()
        listed = str(screen.query_one("#agenda-list", Static).render()).splitlines()
        assert listed[0].split() == ["1", "Opening", "2m", "3:00"]
        assert listed[1].split() == ["2", "Moment", "of", "silence", "1m", "1:00"]
        assert listed[2].split() == ["▶", "3", "Readings", "5m", "0:00"]
        assert listed[3].split() == ["4", "Announcements", "3m"]
        shares = str(screen.query_one("#agenda-shares", Static).render())
        assert shares == "time left for shares: 39:00"   # Opening ran a minute long


async def test_a_missing_reading_is_a_message_not_a_crash(make_app, start_meeting, clock, data_dir):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        await pilot.press("f12", "f12")
        await pilot.pause()
        text = str(screen.query_one("#agenda-text", Static).render())
        assert text == (f"reading: {data_dir / 'readings' / 'preamble.txt'} does not exist; "
                        "put your group's text there")
        assert screen.query_one("#agenda-reading").has_class("-problem")
        await pilot.press("f12")
        await pilot.pause()
        assert screen.live.session.agenda.current.title == "Announcements"


async def test_undo_takes_back_a_section_move(make_app, start_meeting, clock, reading):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        clock.advance(60)
        await pilot.press("f12")
        clock.advance(30)
        await pilot.press("ctrl+z")
        await pilot.pause()
        agenda = screen.live.session.agenda
        assert (agenda.index, agenda.used(screen.live.now())) == (0, 90)


async def test_a_meeting_without_a_format_shows_no_agenda(make_app, start_meeting, journal_file):
    app = make_app(meetings=[Meeting(name="Plain", duration_minutes=60)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        assert screen.query_one(AgendaLine).styles.display == "none"
        assert not screen.query("#tab-agenda")
        assert screen.check_action("section_next", ()) is False   # not in footer nor palette
        await pilot.press("f12", "shift+f12")
        await pilot.pause()
        assert journal_types(journal_file) == ["start"]


async def test_a_resumed_meeting_is_in_the_same_section(make_app, start_meeting, clock, reading):
    """The app closed in the middle of the Readings: it comes back there; the room kept going."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        await start_meeting(pilot)
        await run_sections(pilot, clock, [2, 1])
        clock.advance(100)
    app.database.close()
    clock.advance(30)                                # the laptop was off for half a minute
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.query_one("#left-tabs", TabbedContent).active == "tab-signin"
        agenda = screen.live.session.agenda
        assert agenda.current.title == "Readings"
        assert agenda.used_by_section(screen.live.now())[:3] == (120, 60, 130)
        assert line_text(screen) == "3/8 Readings 2:10 / 5:00 · next Announcements 3 min"


async def test_the_header_says_how_far_behind_or_ahead_of_the_format(make_app, start_meeting,
                                                                     clock, reading):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_meeting(pilot)
        header = screen.query_one(MeetingHeader)

        async def header_text() -> str:
            screen.read_clock()
            await pilot.pause()
            return header.render().plain

        assert "on time" in await header_text()
        clock.advance(5 * 60)                     # Opening: 2 minutes planned, 5 taken
        assert "3 min behind" in await header_text()
        await pilot.press("f12")
        clock.advance(10)                         # Moment of silence, within its minute
        assert "3 min behind" in await header_text()
        await pilot.press("f12", "f12")           # 50 s left over, Readings' 5 min skipped
        assert "2 min ahead" in await header_text()  # 180 - 50 - 300 = -170 s
