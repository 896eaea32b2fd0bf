"""How fast the history screen opens and scrolls on 100,000 records: `python benchmarks/history_screen.py`.

Builds the database of benchmarks/history.py (20 years, 96 weekly meetings), opens the app
on it headless at 120x34 (a fresh database each run, as a person starting the app), and
times, from pushing the screen: the first paint with data (the records read and checked for
the first time), then a jump to the oldest record (End) painted, paging, a month grouping,
and opening the screen a second time. Also the steps inside (reading and checking the
records, choosing and adding them up). Medians of --repeat runs, wall and CPU time, beside
the 1 s target. Run by hand; timings do not belong in the tests.
"""

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from history import build  # benchmarks/history.py: the same 100,000 records

from facilitator.core.clock import SystemClock
from facilitator.core.records.history_view import HistoryChoice, build_view
from facilitator.store.database import Database
from facilitator.store.paths import journal_path
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.widgets.paged_table import PagedTable

TARGET = 1.0
SIZE = (120, 34)


class Stopwatch:
    """Wall and CPU seconds since it was started."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


async def settled(pilot, done) -> None:
    """Wait until `done()` holds, then for the screen to be painted."""
    while not done():
        await asyncio.sleep(0.005)
    await pilot.pause()


async def open_history(app: FacilitatorApp, pilot) -> HistoryScreen:
    """Push the history screen and wait until it is painted with data."""
    screen = HistoryScreen()
    app.push_screen(screen)
    await settled(pilot, lambda: screen.view is not None)
    return screen


async def one_run(path: Path) -> dict[str, tuple[float, float]]:
    database = Database.open(path, writer=True)
    app = FacilitatorApp(database, SystemClock(), journal_path(path))
    figures = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        watch = Stopwatch()
        screen = await open_history(app, pilot)
        figures["open: first paint with data"] = watch.read()
        table = screen.query_one(PagedTable)
        await pilot.press("end")
        await settled(pilot, lambda: table.position == len(table.items) - 1)
        figures["open, then End painted"] = watch.read()
        watch = Stopwatch()
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.pause()
        figures["five Page Down from the top"] = watch.read()
        watch = Stopwatch()
        await pilot.press("f5", "f5")  # per week, then per month
        await settled(pilot, lambda: screen.view.choice.by == "month")
        figures["group per month (two F5)"] = watch.read()
        await pilot.press("escape")
        await pilot.pause()
        watch = Stopwatch()
        await open_history(app, pilot)
        figures["open again: first paint with data"] = watch.read()
        await pilot.press("escape")
    database.close()
    return figures


def steps(path: Path) -> dict[str, tuple[float, float]]:
    """The parts of opening, one by one, as the screen runs them."""
    figures = {}
    with Database.open(path, writer=False) as database:
        watch = Stopwatch()
        records = database.records()
        figures["  read and check the records (records())"] = watch.read()
        watch = Stopwatch()
        build_view(records, HistoryChoice(), date.today())
        figures["  choose and add up (build_view)"] = watch.read()
        watch = Stopwatch()
        build_view(records, HistoryChoice(start=date(date.today().year - 1, 1, 1), by="week"),
                   date.today())
        figures["  same, from a date, per week"] = watch.read()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "intergroup.json"
        count = build(path)
        watch = Stopwatch()
        Database.open(path, writer=True).close()
        wall, cpu = watch.read()
        print(f"{count:,} records; the app opens the file in {wall:.2f} s (CPU {cpu:.2f} s), "
              "before any screen")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: above the "
              "cores, wall time includes waiting for a core; CPU time does not")
        runs = [asyncio.run(one_run(path)) for _ in range(options.repeat)]
        parts = [steps(path) for _ in range(options.repeat)]
    print(f"{'median of ' + str(options.repeat):<36}{'wall':>8}{'CPU':>8}  target {TARGET:.1f} s")
    for results, timed in ((runs, True), (parts, False)):
        for name in results[0]:
            wall = statistics.median(run[name][0] for run in results)
            cpu = statistics.median(run[name][1] for run in results)
            verdict = ""
            if timed and name.startswith("open"):
                verdict = "ok" if wall <= TARGET else ("over (wall), ok (CPU)"
                                                      if cpu <= TARGET else "over")
            print(f"{name:<36}{wall:>7.2f}s{cpu:>7.2f}s  {verdict}")


if __name__ == "__main__":
    main()
