"""The meeting screen opens with its work done once: breakpoint classes known before it is
composed, the footer built once and rebuilt only when its keys change."""

import pytest
from textual.widgets._footer import FooterKey

from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.breakpoints import reached
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.widgets.steady_footer import SteadyFooter

MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)
WIDTHS = MeetingScreen.HORIZONTAL_BREAKPOINTS
HEIGHTS = MeetingScreen.VERTICAL_BREAKPOINTS


@pytest.mark.parametrize("breakpoints, size, expected", [
    (WIDTHS, 0, {"-narrow"}), (WIDTHS, 59, {"-narrow"}), (WIDTHS, 60, {"-medium"}),
    (WIDTHS, 79, {"-medium"}), (WIDTHS, 80, {"-wide"}), (WIDTHS, 500, {"-wide"}),
    (HEIGHTS, 19, {"-short"}), (HEIGHTS, 20, {"-tall"}),
    ([(10, "-ten")], 9, set()), (None, 80, set()), ([], 80, set()),
])
def test_the_breakpoint_reached_is_the_largest_at_or_below_the_size(breakpoints, size,
                                                                    expected):
    assert reached(breakpoints, size) == expected


@pytest.mark.parametrize("size, classes", [((80, 24), {"-wide", "-tall"}),
                                           ((40, 12), {"-narrow", "-short"})])
async def test_opening_builds_the_footer_once_and_the_right_size_classes(
        make_app, start_meeting, monkeypatch, size, classes):
    rebuilds = []
    recompose = SteadyFooter.recompose

    async def counted(footer):
        rebuilds.append(footer.screen)
        await recompose(footer)

    monkeypatch.setattr(SteadyFooter, "recompose", counted)
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rebuilds.clear()
        screen = await start_meeting(pilot)
        assert rebuilds == [screen]
        assert classes <= screen.classes
        assert screen.focused is screen.query_one("#name-input")
        footer = screen.query_one(SteadyFooter)
        shown = [key.description for key in footer.query(FooterKey)]
        assert "End share" not in shown and "Sign in" in shown
        assert all(key.has_class("-compact") for key in footer.query(FooterKey))

        await pilot.press("ctrl+r", "ctrl+n")  # a hand raised, its share begun
        await pilot.pause()
        assert screen.live.session.timer is not None
        assert "End share" in [key.description for key in footer.query(FooterKey)]
        assert rebuilds == [screen, screen]
        await pilot.press("f8")  # focus moves to the amount box; the keys shown stay the same
        await pilot.pause()
        assert screen.focused is screen.query_one("#collection-input")
        assert rebuilds == [screen, screen]
