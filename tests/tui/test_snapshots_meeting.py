"""Pictures of the meeting feature on a fixed clock: 80x24, and 40x12 and 120x40 where the
size matters; review the SVGs before accepting."""

from datetime import time

import pytest
from textual import events
from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.meeting.screen import MeetingScreen

MEETINGS = [
    Meeting(name="Sunday Morning", days=(6,), start=time(10, 0), duration_minutes=60),
    Meeting(name="Tuesday Night", days=(1,), start=time(19, 0), duration_minutes=90,
            share_minutes=4),
]


async def settle(pilot) -> None:
    """The same picture each run: a steady cursor, and the time passed down now, not on a tick."""
    await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    if isinstance(pilot.app.screen, MeetingScreen):
        pilot.app.screen.read_clock()
    await pilot.pause()


def sign_ins(clock, quiet: bool = False):
    """A few people in (one name with an emoji, one with markup), the collection, 12 minutes;
    `quiet`: their notices cleared (a screen pushed next would show them or not depending on
    when Textual moves them over)."""

    async def run(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        name_box = pilot.app.screen.query_one("#name-input")
        for name, key in (("Ann", "f2"), ("", "f3"), ("Bo", "f4"), ("", "f5"),
                          ("Zoë 🦊", "f3"), ("[b]x[/b]", "f2")):
            name_box.post_message(events.Paste(name))
            await pilot.pause()
            await pilot.press(key)
            clock.advance(90)
        await pilot.press("f8", *"31.50", "enter")
        clock.advance(180)
        await settle(pilot)
        if quiet:
            pilot.app.clear_notifications()
            await pilot.pause()

    return run


class TestMeetingSnapshots:
    def test_first_run_form(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)

    def test_start_screen_nearest_meeting_first(self, snap_compare, make_app):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24))

    def test_meeting_with_sign_ins(self, snap_compare, make_app, clock):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24),
                            run_before=sign_ins(clock))

    def test_summary(self, snap_compare, make_app, clock):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24),
                            run_before=sign_ins(clock, quiet=True), press=["f10"])

    def test_meeting_at_40_by_12(self, snap_compare, make_app, clock):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(40, 12),
                            run_before=sign_ins(clock))

    def test_meeting_at_120_by_40(self, snap_compare, make_app, clock):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(120, 40),
                            run_before=sign_ins(clock))

    @pytest.mark.parametrize("size", [(40, 12), (120, 40)])
    def test_summary_small_and_large(self, snap_compare, make_app, clock, size):
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=size,
                            run_before=sign_ins(clock, quiet=True), press=["f10"])

