"""Fixtures for the TUI tests (the app factory, clock and database are in tests/conftest.py).

    async def test_x(make_app, start_meeting):
        app = make_app(meetings=[Meeting(name="Tuesday Night")])
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await start_meeting(pilot, names=("Ann", "Bo"), queued=True)
"""

from collections.abc import Awaitable, Callable, Sequence

import pytest

from facilitator.core.meeting.actions import SignIn
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.widgets.queue_list import QueueList

StartMeeting = Callable[..., Awaitable[MeetingScreen]]


async def start_highlighted_meeting(pilot, names: Sequence[str] = (), *,
                                    queued: bool = False) -> MeetingScreen:
    """From the start screen, start the highlighted meeting and sign in `names` (as F2 does;
    typing them is tested with the sign-in). With `queued`, everyone joins the queue (F7, a)
    and the queue list keeps the focus."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    for name in names:
        assert screen.act(SignIn(name=name))
    await pilot.pause()
    if queued:
        await pilot.press("f7", "a")
        await pilot.pause()
        assert screen.query_one(QueueList).has_focus
        assert screen.live.session.queue.waiting_count == len(names)
    return screen


@pytest.fixture
def start_meeting() -> StartMeeting:
    """`await start_meeting(pilot, names=(), queued=False)`: the meeting screen, started."""
    return start_highlighted_meeting
