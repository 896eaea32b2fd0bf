"""Time to first paint: `facilitator` against a bare Textual app: `python benchmarks/startup.py`.

Each run is a fresh interpreter. The facilitator run goes through the real entry point
(`facilitator --db PATH`: argument parsing, opening the database, the start screen); the
bare app is Header, Static and Footer, each on a pseudo-terminal (POSIX: the app starts only
in a terminal). Both run headless and stop at Textual's Ready event,
which is posted right after the first screen is painted. The two kinds take turns, so a
busy machine slows both alike. Prints medians (wall clock from spawn to Ready, and CPU time
of the child to Ready) and the ratio; target ratio <= 1.25 (issue 12). Run by hand; timings
do not belong in the tests.

A third kind, "widgets", is a bare Textual app showing the start screen's widgets (a header,
a title, a list of three meetings, a hint, a footer of six keys): what Textual itself spends
on that screen, so the rest of facilitator's figure is facilitator's own.

`--instructions` counts the instructions each kind runs up to Ready under valgrind
(cachegrind), once each: the same count on every run, where CPU times move by a tenth from
one run to the next on a shared machine. Needs `valgrind` on the PATH (Linux).
"""

import argparse
import os
import pty
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as time_of_day
from pathlib import Path

TARGET_RATIO = 1.25  # issue 12: first paint stays <= 1.25 x a bare Textual app
KINDS = ("bare", "widgets", "facilitator")
# An installed package has its bytecode compiled (pip does it); an editable checkout run
# with PYTHONDONTWRITEBYTECODE would compile every facilitator module at each start.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# Runs in the child. Ready is posted once the first screen has been painted.
CHILD = r"""
import os, sys, time
kind, db, counting = sys.argv[1], sys.argv[2], sys.argv[3] == "count"

def timed(base):
    import inspect, pathlib

    class Timed(base):
        if base.CSS_PATH:  # Textual resolves it beside the subclass's file: keep the base's
            CSS_PATH = str(pathlib.Path(inspect.getfile(base)).parent / base.CSS_PATH)

        def on_ready(self):  # CPU seconds, and the machine's monotonic clock, at Ready
            print(f"{time.process_time():.6f} {time.monotonic():.6f}", file=sys.stderr,
                  flush=True)
            if counting:  # stop the count here: what follows is shutdown
                os._exit(0)
            self.exit()

        def run(self, **options):
            return super().run(headless=True)
    return Timed

if kind == "bare":
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("Which meeting are we running?")
            yield Footer()

    timed(Bare)().run()
elif kind == "widgets":
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import Vertical
    from textual.widgets import Footer, Header, OptionList, Static
    from textual.widgets.option_list import Option

    class StartScreenWidgets(App):
        BINDINGS = [Binding(key, "bell", words) for key, words in (
            ("f2", "New meeting"), ("f4", "History"), ("f9", "Settings"),
            ("ctrl+t", "Chip calculator"), ("ctrl+o", "Treasury"), ("ctrl+q", "Quit"))]
        CSS = "#body { padding: 1 2; } OptionList { height: 1fr; }"

        def compose(self):
            yield Header()
            with Vertical(id="body"):
                yield Static("Which meeting are we running?")
                yield OptionList(*[Option(f"Meeting {n}  mon (60 min)") for n in range(3)])
                yield Static("Enter starts the meeting · F2 or n adds one · F9 or , settings")
            yield Footer()

    timed(StartScreenWidgets)().run()
else:
    from facilitator.cli import main
    import facilitator.tui.app as tui_app  # run_app imports it anyway; here to hook Ready
    tui_app.FacilitatorApp = timed(tui_app.FacilitatorApp)
    sys.exit(main(["--db", db]))
"""


def build_database(path: Path) -> None:
    """Three weekly meetings, each at its time, with a year of records each: what a group
    has after a year (the start screen puts the nearest first and says when each is next)."""
    from facilitator.core.schedule.meeting import Meeting
    from facilitator.core.records.record import Record
    from facilitator.store.database import Database

    with Database.open(path) as database:
        for name, day, hour in (("Monday Night", 0, 19), ("Wednesday Step Study", 2, 19),
                                ("Saturday Morning", 5, 10)):
            database.add_meeting(Meeting(name=name, days=(day,), start=time_of_day(hour, 0),
                                         duration_minutes=60))
            first = date(2023, 1, 2) + timedelta(days=day)  # 2 January 2023 was a Monday
            database.add_records([Record(meeting=name, date=first + timedelta(weeks=w),
                                         attendance=10 + w % 9, newcomers=w % 2)
                                  for w in range(52)])


def run_child(kind: str, db: Path, prefix: tuple[str, ...] = ()) -> str:
    """The child's stderr. Its input and output are a pseudo-terminal, as a person's (the
    app refuses to start without one); it draws nothing (headless) and reports on stderr."""
    terminal, child_side = pty.openpty()
    mode = "count" if prefix else "time"
    try:
        child = subprocess.run([*prefix, sys.executable, "-c", CHILD, kind, str(db), mode],
                               stdin=child_side, stdout=child_side, stderr=subprocess.PIPE,
                               text=True, timeout=600, env=CHILD_ENV)
    finally:
        os.close(child_side)
        os.close(terminal)
    if child.returncode != 0 or not child.stderr.split():
        raise SystemExit(f"{kind} run failed ({child.returncode}): {child.stderr[-2000:]}")
    return child.stderr


def one_run(kind: str, db: Path) -> tuple[float, float]:
    """(wall seconds from spawn to first paint, CPU seconds of the child)."""
    # Both read at Ready, in the child: what the app does once the screen is drawn (the
    # database's lock) and its shutdown are not the first paint. The monotonic clock is the
    # machine's, the same in the child as here (Linux, macOS).
    start = time.monotonic()
    cpu, ready = run_child(kind, db).split()[-2:]
    return float(ready) - start, float(cpu)


def instructions(kind: str, db: Path, folder: str) -> int:
    """The instructions the child runs from its start to Ready (valgrind's count)."""
    count_file = os.path.join(folder, f"{kind}.cachegrind")
    report = run_child(kind, db, ("valgrind", "--tool=cachegrind", "--cache-sim=no",
                                  f"--cachegrind-out-file={count_file}"))
    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {kind}: {report[-2000:]}")
    return int(found[1].replace(",", ""))


def count_instructions(db: Path, folder: str) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind on the PATH")
    for kind in KINDS:  # once each, to write the bytecode and warm the file cache
        one_run(kind, db)
    counts = {kind: instructions(kind, db, folder) for kind in KINDS}
    print("instructions to first paint (valgrind), one run each")
    for kind, count in counts.items():
        print(f"  {kind:<12} {count / 1e6:8.1f} M   {count / counts['bare']:.2f}x the bare app")
    ratio = counts["facilitator"] / counts["bare"]
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"  ratio, instructions {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under valgrind instead of timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facilitator.json"
        build_database(db)
        if args.instructions:
            count_instructions(db, folder)
            return
        results: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
        for _ in range(2):  # warm the file cache and write the bytecode
            for kind in KINDS:
                one_run(kind, db)
        for _ in range(args.repeat):
            for kind in results:
                results[kind].append(one_run(kind, db))
    medians = {kind: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for kind, runs in results.items()}
    print(f"time to first paint, median of {args.repeat} fresh processes each")
    for kind, (wall, cpu) in medians.items():
        print(f"  {kind:<12} wall {wall * 1000:7.0f} ms   cpu {cpu * 1000:7.0f} ms"
              f"   {cpu / medians['bare'][1]:.2f}x the bare app's CPU")
    wall_ratio = medians["facilitator"][0] / medians["bare"][0]
    cpu_ratio = medians["facilitator"][1] / medians["bare"][1]
    for name, ratio in (("wall", wall_ratio), ("CPU", cpu_ratio)):
        verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
        print(f"  ratio, {name:<5} {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")


if __name__ == "__main__":
    main()
