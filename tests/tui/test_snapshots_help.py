"""Pictures of the help screen (F1 on the meeting screen) at 80x24, 40x12 and 120x40; review
the SVGs before accepting."""

import pytest

from facilitator.core.schedule.meeting import Meeting
from tests.tui.test_snapshots_meeting import settle


async def help_on_the_meeting_screen(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter", "f1")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (120, 40)])
def test_help_on_the_meeting_screen(snap_compare, make_app, size):
    app = make_app(meetings=[Meeting(name="Tuesday Night")])
    assert snap_compare(app, terminal_size=size, run_before=help_on_the_meeting_screen)
