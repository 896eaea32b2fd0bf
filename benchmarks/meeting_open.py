"""How fast the meeting screen opens: `python benchmarks/meeting_open.py`.

A fresh app per run (a fresh database holding one meeting), headless at 80x24, all runs in
one process. Times, from Enter on the start screen: the meeting screen's first paint (the
first time its compositor renders it) and the screen settled (every message handled, as a
Pilot test waits for). Beside it, taking turns, the baseline: the same app pushing a bare
Screen holding as many plain Static widgets as the meeting screen has widgets. Prints
medians and spread (min-max) of wall and CPU time, the ratio to the baseline, and what the
opening costs in Textual's work: footer recomposes, stylesheet updates (calls and nodes
restyled) and styles applied. First, the first opening in each of --fresh new processes,
which also loads the meeting code, after the start screen was shown for a second. Run by hand; timings do not belong in the tests.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from facilitator.core.clock import SystemClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.paths import journal_path
from facilitator.tui.app import FacilitatorApp

SIZE = (80, 24)
MEETING = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)

# What Textual does while a screen opens, counted by wrapping its methods (set in `counting`).
work: Counter = Counter()
first_paint: dict[int, tuple[float, float]] = {}  # id(screen) -> (wall, CPU) of first render


def counting() -> None:
    """Wrap the Textual methods whose calls are counted, and note each screen's first paint."""
    compositor_refresh = Screen._compositor_refresh
    recompose = Widget.recompose
    update_nodes = Stylesheet.update_nodes
    apply = Stylesheet.apply

    def timed_refresh(screen: Screen) -> None:
        compositor_refresh(screen)
        first_paint.setdefault(id(screen), (time.perf_counter(), time.process_time()))

    async def counted_recompose(widget: Widget) -> None:
        if isinstance(widget, Footer):
            work["footer recomposes"] += 1
        await recompose(widget)

    def counted_update_nodes(sheet, nodes, animate=False):
        nodes = list(nodes)
        work["stylesheet updates"] += 1
        work["nodes restyled"] += len(nodes)
        return update_nodes(sheet, nodes, animate)

    def counted_apply(sheet, node, *args, **kwargs):
        work["styles applied"] += 1
        return apply(sheet, node, *args, **kwargs)

    Screen._compositor_refresh = timed_refresh
    Widget.recompose = counted_recompose
    Stylesheet.update_nodes = counted_update_nodes
    Stylesheet.apply = counted_apply


class Statics(Screen):
    """The baseline: a bare screen of plain Static widgets."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self):
        for number in range(self.count):
            yield Static(f"line {number}")


async def open_screen(folder: Path, kind: str, widgets: int,
                      reading: float = 0.0) -> tuple[dict, Counter, int]:
    """One fresh app: from the start screen, open the meeting (Enter) or the baseline, after
    `reading` seconds on the start screen."""
    path = folder / f"{kind}-{time.monotonic_ns()}.json"
    with Database.open(path, writer=True) as database:
        database.add_meeting(MEETING)
    database = Database.open(path, writer=True)
    app = FacilitatorApp(database, SystemClock(), journal_path(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await asyncio.sleep(reading)
        await pilot.pause()
        work.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        if kind == "meeting":
            await pilot.press("enter")
        else:
            app.push_screen(Statics(widgets))
        # By name: importing the meeting screen here would load its code before the first
        # opening that is timed.
        shown = "MeetingScreen" if kind == "meeting" else "Statics"
        while id(app.screen) not in first_paint or type(app.screen).__name__ != shown:
            await asyncio.sleep(0.001)
        paint_wall, paint_cpu = first_paint[id(app.screen)]
        figures = {"first paint": (paint_wall - wall, paint_cpu - cpu)}
        await pilot.pause()
        await pilot.pause()
        figures["settled"] = (time.perf_counter() - wall, time.process_time() - cpu)
        counted = Counter(work)
        count = len(app.screen.query("*"))
    database.close()
    return figures, counted, count


def spread(values: list[float]) -> str:
    return (f"{statistics.median(values) * 1000:6.0f} ms "
            f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})")


async def first_opening() -> None:
    """In a fresh process: the first opening, which loads the meeting code, after the start
    screen has been shown for a second (a person reading the list). Prints its figures."""
    counting()
    with tempfile.TemporaryDirectory() as name:
        figures, _, _ = await open_screen(Path(name), "meeting", 0, reading=1.0)
    print(*(f"{value:.6f}" for step in ("first paint", "settled") for value in figures[step]))


def first_openings(fresh: int) -> None:
    """The first opening in each of `fresh` new processes: median and spread."""
    runs = []
    for _ in range(fresh):
        child = subprocess.run([sys.executable, __file__, "--first-only"], capture_output=True,
                               text=True, timeout=300)
        if child.returncode != 0:
            raise SystemExit(f"first opening failed: {child.stderr[-2000:]}")
        runs.append([float(value) for value in child.stdout.split()[-4:]])
    print(f"the first opening in a fresh process (its code loaded then), median (min-max) of "
          f"{fresh}")
    for index, step in enumerate(("first paint", "settled")):
        walls = [run[index * 2] for run in runs]
        cpus = [run[index * 2 + 1] for run in runs]
        print(f"  meeting  {step:<12} wall {spread(walls)}  CPU {spread(cpus)}")


async def main_async(repeat: int) -> None:
    counting()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # Warm up: the code loaded, the widgets counted.
        _, _, widgets = await open_screen(folder, "meeting", 0)
        await open_screen(folder, "baseline", widgets)
        runs: dict[str, list[dict]] = {"meeting": [], "baseline": []}
        counts: dict[str, Counter] = {}
        for _ in range(repeat):
            for kind in runs:
                figures, counted, _ = await open_screen(folder, kind, widgets)
                runs[kind].append(figures)
                counts[kind] = counted
    print(f"median (min-max) of {repeat} runs, {SIZE[0]}x{SIZE[1]}; the meeting screen has "
          f"{widgets} widgets, the baseline as many Static")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for step in ("first paint", "settled"):
        medians = {}
        for kind, figures in runs.items():
            walls = [run[step][0] for run in figures]
            cpus = [run[step][1] for run in figures]
            medians[kind] = statistics.median(walls), statistics.median(cpus)
            print(f"  {kind:<9}{step:<12} wall {spread(walls)}  CPU {spread(cpus)}")
        ratio_wall = medians["meeting"][0] / medians["baseline"][0]
        ratio_cpu = medians["meeting"][1] / medians["baseline"][1]
        print(f"  ratio    {step:<12} wall {ratio_wall:.2f}x   CPU {ratio_cpu:.2f}x")
    print("Textual's work per opening (last run): meeting / baseline")
    for name in ("footer recomposes", "stylesheet updates", "nodes restyled", "styles applied"):
        print(f"  {name:<20}{counts['meeting'][name]:>7} /{counts['baseline'][name]:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--fresh", type=int, default=5,
                        help="fresh processes timing the first opening")
    parser.add_argument("--first-only", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.first_only:
        asyncio.run(first_opening())
        return
    first_openings(options.fresh)
    asyncio.run(main_async(options.repeat))


if __name__ == "__main__":
    main()
