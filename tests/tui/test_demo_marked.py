"""A database made by `facilitator demo` says DEMO on every screen; the group's own does not."""

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.tui.widgets.meeting_header import MeetingHeader


def header_text(app) -> str:
    from textual.widgets._header import HeaderTitle

    return str(app.screen.query_one(HeaderTitle).render())


@pytest.mark.parametrize("demo", [True, False])
async def test_the_header_says_demo_on_demo_data_only(make_app, demo):
    app = make_app(meetings=[Meeting(name="Tuesday Night")], settings=GroupSettings(demo=demo))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert ("DEMO" in header_text(app)) is demo  # the start screen
        await pilot.press("enter")
        await pilot.pause()
        meeting_line = str(app.screen.query_one(MeetingHeader).render())
        assert meeting_line.startswith("DEMO") is demo
        assert "Tuesday Night" in meeting_line


async def test_the_history_screen_says_demo(make_app):
    from facilitator.tui.screens.history.screen import HistoryScreen

    app = make_app(settings=GroupSettings(demo=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HistoryScreen())
        await pilot.pause()
        assert "DEMO" in header_text(app)
