"""The history screen reads, checks and adds up 100,000 records in a worker: a key pressed
meanwhile is handled at once, and what it chose is shown when the records arrive."""

import asyncio
import threading
from datetime import date, timedelta

import orjson
from textual.widgets import Select, Static

from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.tui.screens.history import screen as history_screen
from facilitator.tui.screens.history.screen import HistoryScreen

MEETINGS = 100
DAYS = 1_000  # 100 meetings x 1,000 days: 100,000 records
FIRST_DAY = date(2000, 1, 3)


def write_records(db_path) -> None:
    """100,000 records written straight into the file, as a database of years would hold."""
    with Database.open(db_path, writer=True) as database:
        database.add_meetings_and_records(
            [Meeting(name=f"Meeting {n}") for n in range(MEETINGS)], [])
    content = orjson.loads(db_path.read_bytes())
    template = Record("Meeting 0", FIRST_DAY, 20, newcomers=1).to_dict()
    days = [(FIRST_DAY + timedelta(days=n)).isoformat() for n in range(DAYS)]
    rows = ({**template, "meeting": f"Meeting {m}", "date": day}
            for m in range(MEETINGS) for day in days)
    content["tables"]["records"] = {str(n + 1): row for n, row in enumerate(rows)}
    db_path.write_bytes(orjson.dumps(content))


async def test_a_key_pressed_while_100000_records_load_is_handled_at_once(
        make_app, db_path, monkeypatch):
    write_records(db_path)
    app = make_app()
    # The first view built (in the worker, after reading and checking every record) waits
    # until the test has pressed its key: the key is certainly pressed during the load. Were
    # the load on the event loop, the key would never be handled and the wait would time out.
    built, released = threading.Event(), threading.Event()
    real_build_view = history_screen.build_view

    def build_view_held(*args):
        view = real_build_view(*args)
        if not built.is_set():
            built.set()
            assert released.wait(timeout=60)
        return view

    monkeypatch.setattr(history_screen, "build_view", build_view_held)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()  # the start screen looks for a meeting left behind first
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert await asyncio.to_thread(built.wait, 60)
        await pilot.pause()
        assert screen.loading and screen.view is None
        assert str(screen.query_one("#history-status", Static).content) == "Loading records…"

        await pilot.press("f5")  # per week, while the records are still loading
        assert screen.choice.by == "week"
        assert screen.query_one("#history-by", Select).value == "week"
        assert screen.loading and screen.view is None

        released.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the per-week totals, added up aside
        await pilot.pause()
        assert not screen.loading
        view = screen.view
        assert view.stored == MEETINGS * DAYS and view.choice.by == "week"
        assert sum(group.meetings for group in view.groups) == MEETINGS * DAYS
        assert str(screen.query_one("#history-status", Static).content).startswith(
            f"Week 1 of {len(view.groups):,}, newest first")
