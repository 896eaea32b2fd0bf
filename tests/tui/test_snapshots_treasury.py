"""Snapshots of the treasury screen (fixed clock, Tue 5 Mar 2024) at 80x24 and 40x12."""

import pytest
from tests.tui.treasury_sample import MEETING, fill


@pytest.fixture
def app(make_app):
    built = make_app(meetings=[MEETING])
    fill(built)
    return built


async def open_treasury(pilot) -> None:
    await pilot.pause()  # the start screen looks for a meeting left behind first
    await pilot.press("ctrl+o")
    await pilot.pause()


class TestTreasury:
    """The figures over the ledger, and the entry form."""

    def test_treasury_at_80x24(self, snap_compare, app):
        assert snap_compare(app, run_before=open_treasury, terminal_size=(80, 24))

    def test_treasury_at_40x12(self, snap_compare, app):
        assert snap_compare(app, run_before=open_treasury, terminal_size=(40, 12))

    def test_entry_form_at_80x24(self, snap_compare, app):
        async def open_form(pilot) -> None:
            await open_treasury(pilot)
            await pilot.press("a")
            await pilot.pause()
            for field in pilot.app.screen.query("Input"):
                field.cursor_blink = False  # the same picture each run

        assert snap_compare(app, run_before=open_form, terminal_size=(80, 24))
