"""The start screen offers the meeting scheduled nearest to now first."""

from datetime import time

import pytest
from textual.widgets import OptionList

from facilitator.core.schedule.meeting import Meeting

# FIXED_NOW is Tuesday 2024-03-05 19:00.
MEETINGS = [
    Meeting(name="Anytime"),
    Meeting(name="Morning", days=(1,), start=time(8, 0), duration_minutes=60),
    Meeting(name="Wednesday", days=(2,), start=time(19, 0), duration_minutes=60),
    Meeting(name="Tuesday Night", days=(1,), start=time(18, 30), duration_minutes=90),
]


@pytest.mark.parametrize("minutes_later, first", [
    (0, "Tuesday Night"),          # in progress since 18:30
    (-11.5 * 60, "Morning"),       # 07:30: Morning starts within the hour
    (24 * 60, "Wednesday"),        # Wednesday 19:00
])
async def test_the_nearest_meeting_is_highlighted_first(make_app, clock, minutes_later, first):
    clock.advance(minutes_later * 60)
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#meeting-list", OptionList)
        labels = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        assert options.highlighted == 0
        assert labels[0].startswith(first)
        assert labels[-1] == "Anytime"


async def test_the_label_says_when_it_happens(make_app):
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#meeting-list", OptionList)
        labels = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        assert labels[:3] == [
            "Tuesday Night  tue 18:30 (90 min) · in progress since 18:30",
            "Wednesday  wed 19:00 (60 min) · next Wed 2024-03-06 19:00",
            "Morning  tue 08:00 (60 min) · next Tue 2024-03-12 08:00",
        ]
