"""Each meeting widget alone: mounted in a bare App, given a session value and a time, it
shows them; it holds no LiveMeeting, reads no file and keeps no clock of its own."""

from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, OptionList, Static

from facilitator.core.chips.chip_stock import StockLevel
from facilitator.core.clock import FakeClock
from facilitator.core.meeting.agenda import AgendaProgress
from facilitator.core.meeting.agenda_templates import template
from facilitator.core.meeting.session import Attendee, MeetingSession
from facilitator.core.meeting.share_timer import ShareTimer
from facilitator.core.meeting.speaker_queue import Speaker, SpeakerQueue
from facilitator.tui.widgets.agenda_line import AgendaLine
from facilitator.tui.widgets.agenda_panel import AgendaPanel, Reading
from facilitator.store.ladders import load_ladder
from facilitator.tui.widgets.attendee_table import AttendeeTable
from facilitator.tui.widgets.chips_panel import ChipsPanel
from facilitator.tui.widgets.counts_bar import CountsBar
from facilitator.tui.widgets.meeting_header import MeetingHeader
from facilitator.tui.widgets.queue_list import QueueList
from facilitator.tui.widgets.share_clock import ShareClock
from facilitator.tui.widgets.shares_panel import SharesPanel

STARTED = datetime(2024, 3, 5, 19, 0, 0)
# Discussion: Opening 2, Moment of silence 1, Readings 5, Announcements 3, Chips 3,
# 7th tradition 3, Shares 40, Closing 3 = 60 minutes; the Readings name a file.
DISCUSSION = template("discussion").edit_section(2, reading="preamble.txt")


class Host(App):
    """Nothing but the widget under test."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


class Room:
    """A meeting begun at STARTED on a fake clock; `t` is the meeting time, as the screen's."""

    def __init__(self) -> None:
        self.clock = FakeClock(STARTED)
        self.began = self.clock.monotonic()

    @property
    def t(self) -> float:
        return self.clock.monotonic() - self.began


def session(**changes) -> MeetingSession:
    base = MeetingSession(meeting="Tuesday Night", date=STARTED.date(), started=STARTED,
                          share_minutes=4, share_seconds=240, duration_minutes=60)
    return replace(base, **changes)


ROOM_QUEUE = (SpeakerQueue()
              .add(Speaker.attendee(1, "Ann"))
              .add(Speaker.attendee(2, "Bo", newcomer=True))
              .add(Speaker.hand(1)))


async def test_the_header_shows_the_time_it_is_given():
    room = Room()
    header = MeetingHeader()
    async with Host(header).run_test(size=(100, 5)) as pilot:
        header.session, header.now, header.wall = session(), room.t, room.clock.now()
        await pilot.pause()
        assert header.render().plain == ("Tuesday Night  Tue 05 Mar 2024  19:00  running 0:00"
                                         "  left 1:00:00")
        room.clock.advance(56 * 60 + 30)
        assert "running 0:00" in header.render().plain  # shows what it was given, nothing else
        header.now, header.wall = room.t, room.clock.now()
        assert header.render().plain.endswith("19:56  running 56:30  left 3:30")
        room.clock.advance(5 * 60)
        header.now, header.wall = room.t, room.clock.now()
        assert header.render().plain.endswith("20:01  running 1:01:30  over by 1:30")


async def test_the_agenda_line_follows_the_time_and_hides_without_a_format():
    room = Room()
    line = AgendaLine()
    agenda = AgendaProgress.start(DISCUSSION, 0.0)
    async with Host(line).run_test(size=(100, 5)) as pilot:
        line.session = session()
        await pilot.pause()
        assert line.has_class("-none") and line.render().plain == ""
        line.session, line.now = session(agenda=agenda), room.t
        await pilot.pause()
        assert not line.has_class("-none")
        assert line.render().plain == "1/8 Opening 0:00 / 2:00 · next Moment of silence 1 min"
        room.clock.advance(150)
        line.now = room.t
        assert line.render().plain == ("1/8 Opening 2:30 / 2:00 over by 0:30"
                                       " · next Moment of silence 1 min")


async def test_the_agenda_panel_shows_the_reading_it_is_handed():
    room = Room()
    panel = AgendaPanel()
    agenda = AgendaProgress.start(DISCUSSION, 0.0).next(180.0).next(240.0)  # the Readings
    room.clock.advance(300)
    async with Host(panel).run_test(size=(80, 24)) as pilot:

        def text(selector: str) -> str:
            return str(panel.query_one(selector, Static).render())

        panel.session, panel.now = session(agenda=agenda), room.t
        await pilot.pause()
        listed = text("#agenda-list").splitlines()
        assert listed[0].split() == ["1", "Opening", "2m", "3:00"]
        assert listed[2].split() == ["▶", "3", "Readings", "5m", "1:00"]
        assert text("#agenda-shares") == "time left for shares: 39:00"
        assert text("#agenda-text") == ""  # the reading has not been handed down yet
        panel.reading = Reading(2, "Read your group's [b]preamble[/b] here.")
        await pilot.pause()
        assert text("#agenda-text") == "Read your group's [b]preamble[/b] here."
        assert not panel.query_one("#agenda-reading").has_class("-problem")
        panel.reading = Reading(2, "reading: preamble.txt does not exist", problem=True)
        await pilot.pause()
        assert text("#agenda-text") == "reading: preamble.txt does not exist"
        assert panel.query_one("#agenda-reading").has_class("-problem")
        # The next section has no reading: the one left behind is not shown.
        room.clock.advance(60)
        panel.session, panel.now = session(agenda=agenda.next(room.t)), room.t
        await pilot.pause()
        assert text("#agenda-text") == "(no reading or note for this section)"
        assert text("#agenda-list").splitlines()[2].split() == ["3", "Readings", "5m", "2:00"]


async def test_the_share_clock_counts_down_from_the_time_it_is_given():
    room = Room()
    share_clock = ShareClock(warning_seconds=60)
    async with Host(share_clock).run_test(size=(80, 24)) as pilot:

        async def shown() -> tuple[str, str, set[str]]:
            await pilot.pause()
            state = {name for name in share_clock.classes if name.startswith("-")}
            note = str(share_clock.query_one("#share-state", Static).render())
            return share_clock.query_one(Digits).value, note, state

        share_clock.session = session()
        assert await shown() == ("4:00", "next share", {"-idle"})
        sharing = session(timer=ShareTimer(planned_seconds=240).start(room.t))
        share_clock.session, share_clock.now = sharing, room.t
        assert await shown() == ("4:00", "", {"-normal"})
        # Whatever steps the time comes in, the clock shows the time given, to the second.
        for step, digits in [(59.75, "3:01"), (0.125, "3:01"), (0.25, "3:00"), (121, "0:59")]:
            room.clock.advance(step)
            share_clock.now = room.t
            assert (await shown())[0] == digits
        assert (await shown())[1:] == ("one minute left", {"-warning"})
        room.clock.advance(59.875)  # 241 s into a 240 s share
        share_clock.now = room.t
        assert await shown() == ("+0:01", "please wrap up", {"-over", "-flash"})
        paused = replace(sharing, timer=sharing.timer.pause(room.t))
        share_clock.session = paused
        room.clock.advance(30)
        share_clock.now = room.t
        assert await shown() == ("+0:01", "paused", {"-paused"})


async def test_the_shares_panel_says_who_shares_and_the_suggested_length():
    room = Room()
    panel = SharesPanel(warning_seconds=60, reserve_seconds=5 * 60)
    async with Host(panel).run_test(size=(80, 24)) as pilot:

        def text(selector: str) -> str:
            return str(panel.query_one(selector, Static).render())

        room.clock.advance(20 * 60)
        panel.session, panel.now = session(queue=ROOM_QUEUE), room.t
        await pilot.pause()
        assert text("#shares-status").splitlines() == [
            "sharing nobody   next Ann", "waiting 3   shares 0   passes 0",
            "raised hands · first-timers first"]
        # 40 minutes left, 5 kept for closing, 3 waiting: 11:40 each, so 11 minutes.
        assert text("#shares-suggestion") == "suggested: 11:00 each so all 3 can share (s applies)"
        room.clock.advance(20 * 60)
        panel.now = room.t
        await pilot.pause()
        assert text("#shares-suggestion") == "suggested: 5:00 each so all 3 can share (s applies)"
        assert panel.query_one(ShareClock).now == room.t  # the time reaches the clock inside
        assert [str(panel.query_one(QueueList).get_option_at_index(i).prompt)
                for i in range(3)] == ["Ann", "Bo  newcomer", "Hand 1"]


async def test_the_counts_bar_and_the_sign_in_list_show_who_came():
    people = (Attendee(1, "Ann"), Attendee(2, newcomer=True), Attendee(3, "Bo", visitor=True),
              Attendee(4, online=True))
    signed_in = session(attendees=people, next_attendee_id=5)
    counts, table = CountsBar(), AttendeeTable()

    class Both(App):
        def compose(self) -> ComposeResult:
            yield counts
            yield table

    async with Both().run_test(size=(80, 24)) as pilot:
        counts.session = table.session = signed_in
        await pilot.pause()
        assert counts.query_one(Digits).value == "4"
        assert str(counts.query_one("#counts-text", Static).render()).splitlines() == [
            "in the room 3  online 1", "total 4", "newcomers 1  visitors 1"]
        rows = [[str(cell) for cell in table.get_row_at(index)] for index in range(4)]
        # A person signed in without a name is called as the queue calls them.
        assert rows == [["1", "Ann", ""], ["2", "Guest 2", "newcomer"], ["3", "Bo", "visitor"],
                        ["4", "Guest 4", "online"]]
        assert table.selected_id == 4  # the newest, as each sign-in arrives


async def test_the_chips_panel_counts_the_chips_given_in_the_session():
    panel = ChipsPanel(load_ladder("aa"), {"30d": StockLevel(on_hand=3, reorder_at=2)})
    async with Host(panel).run_test(size=(80, 24)) as pilot:
        panel.session = session(chips=MappingProxyType({"30d": 2, "24h": 1}))
        await pilot.pause()
        options = panel.query_one("#chips-list", OptionList)
        rows = [str(options.get_option_at_index(i).prompt).split() for i in range(3)]
        assert rows[0][:3] == ["1", "24", "hours"] and rows[0][-1] == "×1"
        assert rows[1][:3] == ["2", "30", "days"] and rows[1][-3:] == ["×2", "1", "LOW"]
        assert rows[2][-1] == "·"
        assert str(panel.query_one("#chips-warnings", Static).render()).startswith("30 days")
