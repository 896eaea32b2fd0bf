"""Snapshots: the meeting screen following a discussion format (agenda line and Agenda tab)."""

import pytest

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.schedule.meeting import Meeting

MEETING = Meeting(name="Tuesday Night", duration_minutes=60, agenda=tuple(
    template("discussion").edit_section(2, reading="preamble.txt").to_list()))
PREAMBLE = ("Read your group's preamble here.\n\n"
            "This is placeholder text: put the words your group reads aloud in this file, "
            "[b]as plain text[/b].\n\n" + "More of the reading.\n" * 12)


async def time_passes(pilot, clock, seconds: float) -> None:
    """Move the clock and pass the time down now, so no tick races the picture."""
    clock.advance(seconds)
    screen = pilot.app.screen
    screen.query_one("#name-input").cursor_blink = False  # the same picture each run
    screen.read_clock()
    await pilot.pause()


@pytest.fixture
def reading(data_dir):
    folder = data_dir / "readings"
    folder.mkdir()
    (folder / "preamble.txt").write_text(PREAMBLE, encoding="utf-8")


class TestAgenda:
    """Three people in, Opening a minute over; then the shares after a long start."""

    def test_reading_shown_in_the_agenda_tab(self, snap_compare, make_app, clock, reading):
        app = make_app(meetings=[MEETING])

        async def to_the_readings(pilot) -> None:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"Ann", "f2", "f3", "f2")
            clock.advance(180)
            await pilot.press("f12")
            clock.advance(60)
            await pilot.press("f12")
            await time_passes(pilot, clock, 95)

        assert snap_compare(app, run_before=to_the_readings, terminal_size=(80, 24))

    def test_shares_left_after_a_long_start(self, snap_compare, make_app, clock, reading):
        app = make_app(meetings=[MEETING])

        async def to_the_shares(pilot) -> None:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f2", "f2", "ctrl+r", "ctrl+r", "ctrl+r")
            for minutes in (3, 1, 8, 3, 4, 3):   # 5 minutes over before the shares
                clock.advance(minutes * 60)
                await pilot.press("f12")
            await time_passes(pilot, clock, 65)

        assert snap_compare(app, run_before=to_the_shares, terminal_size=(80, 24))
