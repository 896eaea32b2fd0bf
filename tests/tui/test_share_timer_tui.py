"""The share clock on the meeting screen, driven by a fake clock: what it shows and records."""

import pytest
from textual.widgets import Digits, Static

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store import journal
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.widgets.share_clock import ShareClock

ROOM = ("Ann", "Bo", "Cy")
MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def shown(pilot, screen: MeetingScreen) -> tuple[str, str, set[str]]:
    """Pass the time down now; what the share clock shows: digits, the line under them, its
    state."""
    share_clock = screen.query_one(ShareClock)
    screen.read_clock()
    await pilot.pause()
    state = {name for name in share_clock.classes
             if name in {"-normal", "-warning", "-over", "-paused", "-idle"}}
    note = str(share_clock.query_one("#share-state", Static).render())
    return share_clock.query_one(Digits).value, note, state


def stats(screen: MeetingScreen) -> tuple[int, int, int, int]:
    s = screen.live.session.stats
    return s.shares, s.share_seconds, s.over_time, s.passes


async def test_a_share_that_runs_over_counts_up_with_a_cue(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        assert await shown(pilot, screen) == ("4:00", "next share", {"-idle"})
        await pilot.press("n")
        assert await shown(pilot, screen) == ("4:00", "", {"-normal"})
        clock.advance(181)
        assert await shown(pilot, screen) == ("0:59", "one minute left", {"-warning"})
        clock.advance(59)  # exactly at time: over time begins
        assert await shown(pilot, screen) == ("+0:00", "please wrap up", {"-over"})
        clock.advance(23)
        assert await shown(pilot, screen) == ("+0:23", "please wrap up", {"-over"})
        assert messages(app).count("Time: please wrap up.") == 1
        await pilot.press("e")
        await pilot.pause()
        assert stats(screen) == (1, 263, 1, 0)
        assert await shown(pilot, screen) == ("4:00", "last share 4:23, 0:23 over", {"-idle"})


async def test_the_cue_comes_even_when_the_warning_was_never_drawn(make_app, start_meeting, clock):
    """A long stall can jump from normal straight to over time: the cue still comes."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        await shown(pilot, screen)
        clock.advance(250)
        assert await shown(pilot, screen) == ("+0:10", "please wrap up", {"-over"})
        assert messages(app).count("Time: please wrap up.") == 1


async def test_the_warning_threshold_is_the_groups_setting(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING], settings=GroupSettings(warning_seconds=90))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        clock.advance(149)  # 91 seconds left
        assert await shown(pilot, screen) == ("1:31", "", {"-normal"})
        clock.advance(1)
        assert await shown(pilot, screen) == ("1:30", "1:30 left", {"-warning"})
        clock.advance(30)
        assert await shown(pilot, screen) == ("1:00", "1:00 left", {"-warning"})


async def test_the_default_warning_is_the_last_minute(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        clock.advance(179.5)
        assert await shown(pilot, screen) == ("1:01", "", {"-normal"})
        clock.advance(0.5)
        assert await shown(pilot, screen) == ("1:00", "one minute left", {"-warning"})


async def test_time_does_not_run_while_paused(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        clock.advance(30)
        await pilot.press("space")
        assert await shown(pilot, screen) == ("3:30", "paused", {"-paused"})
        clock.advance(600)  # a phone rang; someone needed a moment
        assert await shown(pilot, screen) == ("3:30", "paused", {"-paused"})
        await pilot.press("space")
        clock.advance(10)
        assert await shown(pilot, screen) == ("3:20", "", {"-normal"})
        await pilot.press("ctrl+b")  # the ctrl key pauses too
        clock.advance(5)
        assert (await shown(pilot, screen))[0] == "3:20"
        await pilot.press("ctrl+b", "e")
        await pilot.pause()
        assert stats(screen) == (1, 40, 0, 0)


async def test_plus_and_minus_a_minute(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("minus")  # the next share: 3 minutes
        assert (await shown(pilot, screen))[0] == "3:00"
        await pilot.press("n")
        clock.advance(30)
        assert (await shown(pilot, screen))[0] == "2:30"
        await pilot.press("plus", "plus")
        assert (await shown(pilot, screen))[0] == "4:30"
        await pilot.press("minus")
        assert (await shown(pilot, screen))[0] == "3:30"
        assert screen.live.session.timer.planned_seconds == 240
        clock.advance(200)  # 10 seconds left: a minute less puts it over time
        await pilot.press("minus")
        assert await shown(pilot, screen) == ("+0:50", "please wrap up", {"-over"})
        await pilot.press("e")
        await pilot.pause()
        assert stats(screen) == (1, 230, 1, 0)
        assert screen.live.session.share_seconds == 180  # the next share keeps its length


async def test_the_suggested_length_is_applied_with_s(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        clock.advance(20 * 60)  # readings and announcements
        screen.read_clock()
        await pilot.pause()
        # 40 minutes left, 5 kept for closing, 3 waiting: 11:40 each, so 11 minutes.
        line = str(screen.query_one("#shares-suggestion", Static).render())
        assert line == "suggested: 11:00 each so all 3 can share (s applies)"
        await pilot.press("s")
        await pilot.pause()
        assert screen.live.session.share_seconds == 11 * 60
        assert "Shares are now 11 min: 3 waiting, 40 min left, 5 min closing." in messages(app)
        await pilot.press("n")
        assert (await shown(pilot, screen))[0] == "11:00"
        clock.advance(60)
        # Applied during a share, the share in progress keeps its length (what happened
        # stays as it was); with Ann's 10 minutes left counted first, Bo and Cy get
        # (39 - 10 - 5) / 2 = 12 minutes, from the next share.
        await pilot.press("s")
        await pilot.pause()
        assert screen.live.session.share_seconds == 12 * 60
        assert screen.live.session.timer.planned_seconds == 11 * 60
        assert (await shown(pilot, screen))[0] == "10:00"
        assert messages(app)[-1] == ("Shares are now 12 min from the next share: 2 waiting, "
                                     "29 min left after this share, 5 min closing.")
        await pilot.press("x")  # one leaves: 39 left - 10 for Ann - 5 closing = 24 minutes
        screen.read_clock()
        line = str(screen.query_one("#shares-suggestion", Static).render())
        assert line == "suggested: 24:00 for the one waiting (s applies)"
    types = [entry["a"] for entry in journal.read(app.journal_path).entries]
    assert [a for a in types if a["type"] == "share_length"] == [
        {"type": "share_length", "seconds": 660}, {"type": "share_length", "seconds": 720}]


async def test_no_suggestion_without_an_end_time(make_app, start_meeting):
    open_ended = Meeting(name="Open ended", share_minutes=4)
    app = make_app(meetings=[open_ended])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("s")
        await pilot.pause()
        assert screen.live.session.share_seconds == 240
        assert str(screen.query_one("#shares-suggestion", Static).render()) == ""
        assert messages(app)[-1].startswith("No suggestion")


async def test_the_bell_rings_at_warning_and_at_time_only_when_on(make_app, start_meeting,
                                                                  clock, monkeypatch):
    app = make_app(meetings=[MEETING])
    rings: list[float] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(screen.live.now()))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        for seconds in (200, 60):  # into the warning, then over time
            clock.advance(seconds)
            await shown(pilot, screen)
        assert rings == []  # off by default
        await pilot.press("e", "b")
        await pilot.pause()
        assert screen.live.session.bell is True
        start = screen.live.now()
        await pilot.press("n")
        await shown(pilot, screen)
        clock.advance(200)
        await shown(pilot, screen)
        await shown(pilot, screen)  # still in the warning: no second ring
        await pilot.press("space", "space")  # paused and resumed within the warning: silent
        await shown(pilot, screen)
        clock.advance(40)
        await shown(pilot, screen)
        clock.advance(5)
        await shown(pilot, screen)
        assert [t - start for t in rings] == pytest.approx([200, 240])
        await pilot.press("b", "e", "n")
        clock.advance(300)
        await shown(pilot, screen)
        assert len(rings) == 2  # switched off again


async def test_ending_and_passing_count_in_the_statistics(make_app, start_meeting,
                                                          clock, journal_file):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        clock.advance(100)
        await pilot.press("e", "n")
        clock.advance(245.4)
        await pilot.press("e", "n")
        clock.advance(3)
        await pilot.press("p")  # Cy passes: not a share, not its seconds
        await pilot.pause()
        assert stats(screen) == (2, 345, 1, 1)
        assert screen.live.session.queue.passes == 1
        record = screen.live.record()
        assert (record.shares, record.share_seconds, record.over_time, record.passes) == (
            2, 345, 1, 1)
        status = str(screen.query_one("#shares-status", Static).render())
        assert "shares 2" in status and "passes 1" in status
    ends = [e["a"]["type"] for e in journal.read(journal_file).entries if e["a"]["type"] in {
        "share_start", "share_end", "share_pass"}]
    assert ends == ["share_start", "share_end"] * 2 + ["share_start", "share_pass"]


async def test_the_time_shown_comes_from_the_clock_not_from_ticks(make_app, start_meeting, clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        share_clock = screen.query_one(ShareClock)
        await pilot.pause(0.5)  # the screen's tick fired a few times; the clock did not move
        assert share_clock.query_one(Digits).value == "4:00"
        clock.advance(59.7)
        assert (await shown(pilot, screen))[0] == "3:01"  # 180.3 s left
        clock.advance(0.5)  # a stall: half a second with no tick at all
        assert share_clock.query_one(Digits).value == "3:01"
        screen.read_clock()
        assert share_clock.query_one(Digits).value == "3:00"  # 179.8 s left, exactly
        assert screen.live.session.timer.elapsed(screen.live.now()) == pytest.approx(60.2, abs=1e-6)


async def test_the_last_share_stays_under_the_clock_until_the_next_starts(make_app, start_meeting,
                                                                       clock):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_meeting(pilot, names=ROOM, queued=True)
        await pilot.press("n")
        clock.advance(4 * 60 + 72)
        await pilot.press("e")
        assert await shown(pilot, screen) == ("4:00", "last share 5:12, 1:12 over",
                                              {"-idle"})
        assert screen.query_one(ShareClock).has_class("-last-over")
        clock.advance(90)  # still there while the chair looks for the next person
        assert (await shown(pilot, screen))[1] == "last share 5:12, 1:12 over"
        await pilot.press("n")
        assert await shown(pilot, screen) == ("4:00", "", {"-normal"})
        clock.advance(200)
        await pilot.press("e")
        assert (await shown(pilot, screen))[1] == "last share 3:20, in time"
        assert not screen.query_one(ShareClock).has_class("-last-over")
