"""Snapshots of the history screen: fixed records, the fixed clock (Tue 5 Mar 2024), 120x34."""

from datetime import date, timedelta

import pytest
from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record

MEETINGS = [Meeting(name="Tuesday Night", days=(1,)), Meeting(name="Saturday Speaker", days=(5,))]
SIZE = (120, 34)


def weekly_records() -> list[Record]:
    """60 weeks of two meetings from January 2023, counts made by formula (no randomness)."""
    records = []
    for week in range(60):
        tuesday = date(2023, 1, 3) + timedelta(weeks=week)
        attendance = 15 + (week * 7) % 11
        records.append(Record("Tuesday Night", tuesday, attendance, newcomers=int(week % 3 == 0),
                              shares=min(attendance, 9), collection=attendance * 150))
        attendance = 25 + (week * 5) % 13
        records.append(Record("Saturday Speaker", tuesday + timedelta(days=4), attendance,
                              newcomers=2 * (week % 4 == 1), visitors=week % 2, online=3 + week % 5,
                              shares=6, chips={"30d": 1} if week % 6 == 0 else {},
                              collection=attendance * 100))
    return records


@pytest.fixture
def app(make_app):
    built = make_app(meetings=MEETINGS)
    built.database.add_records(weekly_records())
    return built


async def settled(pilot) -> None:
    """Wait for the screen's workers (reading, adding up), then for it to be painted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_history(pilot, *, first_day: str = "") -> None:
    await pilot.pause()  # the start screen looks for a meeting left behind first
    await pilot.press("f4")
    await settled(pilot)
    if first_day:
        field = pilot.app.screen.query_one("#history-from", Input)
        field.value = first_day
        field.focus()
        await pilot.press("enter")
        await settled(pilot)
        pilot.app.screen.query_one("#history-table").focus()
        await settled(pilot)


class TestHistory:
    """The records newest first with the year before; per month; a record opened."""

    def test_records_from_a_first_day(self, snap_compare, app):
        async def run_before(pilot) -> None:
            await open_history(pilot, first_day="2024-01-01")

        assert snap_compare(app, run_before=run_before, terminal_size=SIZE)

    def test_per_month_with_a_bad_date_refused(self, snap_compare, app):
        async def run_before(pilot) -> None:
            await open_history(pilot)
            await pilot.press("f5", "f5")
            await settled(pilot)
            field = pilot.app.screen.query_one("#history-to", Input)
            field.value = "31/02/2024"
            field.focus()
            field.cursor_blink = False  # the same picture each run
            await pilot.press("enter")
            await settled(pilot)

        assert snap_compare(app, run_before=run_before, terminal_size=SIZE)

    def test_a_record_opened(self, snap_compare, app):
        async def run_before(pilot) -> None:
            await open_history(pilot)
            await pilot.press("down", "enter")
            await settled(pilot)
            for field in pilot.app.screen.query(Input):
                field.cursor_blink = False

        assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


class TestCompactHistory:
    """80x24 and 40x12: the figures first, then the rows, both in sight."""

    @pytest.mark.parametrize("size", [(80, 24), (40, 12), (120, 40)])
    def test_figures_then_rows(self, snap_compare, app, size):
        async def run_before(pilot) -> None:
            await open_history(pilot)
            await pilot.wait_for_scheduled_animations()  # the table's scroll on a loaded machine
            await settled(pilot)

        assert snap_compare(app, run_before=run_before, terminal_size=size)
