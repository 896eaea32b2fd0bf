"""How fast history and export run on a large intergroup: `python benchmarks/history.py`.

Builds a database of 100,000 records (20 years, 96 weekly meetings) by writing its JSON
directly, then times `export --format csv` of every record and `history --by month`, in
process (median of --repeat runs, with the time spent in each step) and once each as a whole
command in a subprocess (Python start-up and imports included). Run by hand; timings do not
belong in the test suite.
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

import orjson

from facilitator.cli import build_parser
from facilitator.commands.export import render
from facilitator.commands.progress import Progress
from facilitator.commands.history import history_text
from facilitator.commands.selection import paused_gc, select_records
from facilitator.core.meeting import Meeting
from facilitator.core.record import Record
from facilitator.store.migrations import CURRENT_VERSION

RECORDS = 100_000
MEETINGS = 96
YEARS = 20
TARGETS = {"export --format csv": 2.0, "history --by month": 1.0}
COMMANDS = {"export --format csv": ["export", "--format", "csv"],
            "history --by month": ["history", "--by", "month"]}


def build(path: Path, seed: int = 1) -> int:
    """Write the 100,000-record database; a sample of rows is checked by Record first."""
    rng = random.Random(seed)
    first = date.today() - timedelta(days=365 * YEARS)
    meetings = {str(n + 1): Meeting(name=f"Meeting {n + 1:02d}", days=(n % 7,)).to_dict()
                for n in range(MEETINGS)}
    rows = []
    for week in range(YEARS * 53):
        for n in range(MEETINGS):
            day = first + timedelta(days=week * 7 + n % 7)
            attendance = max(3, int(rng.gauss(20 + n % 15, 4)))
            shares = min(attendance, rng.randint(5, 14))
            rows.append({
                "meeting": f"Meeting {n + 1:02d}", "date": day.isoformat(),
                "attendance": attendance, "newcomers": rng.randint(0, 3),
                "visitors": rng.randint(0, 2), "online": rng.randint(0, 3), "shares": shares,
                "share_seconds": shares * rng.randint(180, 300), "over_time": rng.randint(0, 1),
                "passes": rng.randint(0, 2),
                "chips": {"30d": 1, "1y": rng.randint(0, 2)} if rng.random() < 0.2 else {},
                "collection": attendance * rng.choice((100, 150, 200)), "currency": "USD",
                "start": "19:00", "end": "20:00",
                "note": "Group conscience after" if rng.random() < 0.02 else "",
                "sections": {},
            })
            if len(rows) == RECORDS:
                break
        if len(rows) == RECORDS:
            break
    for row in rows[:: RECORDS // 100]:
        assert Record.from_dict(row).to_dict() == row
    records = {str(n + 1): row for n, row in enumerate(rows)}
    content = {"schema_version": CURRENT_VERSION,
               "tables": {"meetings": meetings, "records": records}}
    path.write_bytes(orjson.dumps(content))
    return len(rows)


def time_in_process(path: Path, argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of the command function."""
    args = build_parser().parse_args(["--db", str(path), *argv])
    with open(os.devnull, "w") as sink, redirect_stdout(sink):
        started, cpu = time.perf_counter(), time.process_time()
        args.run(args)
        return time.perf_counter() - started, time.process_time() - cpu


def time_steps(path: Path, argv: list[str]) -> dict[str, float]:
    """Where the (wall) time of one in-process run goes."""
    args = build_parser().parse_args(["--db", str(path), *argv])
    steps = {}
    started = time.perf_counter()
    with paused_gc():
        chosen = select_records(args, Progress())
    steps["read and select"] = time.perf_counter() - started
    started = time.perf_counter()
    with paused_gc():
        if args.command == "export":
            render(chosen, "csv", "occurrence")
            steps["write CSV"] = time.perf_counter() - started
        else:
            history_text(chosen, "month")
            steps["group, summarize and lay out"] = time.perf_counter() - started
    return steps


def time_subprocess(path: Path, argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the whole command, Python start-up included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "facilitator", "--db", str(path), *argv],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "intergroup.json"
        started = time.perf_counter()
        count = build(path)
        print(f"built {count:,} records ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: when it is "
              "above the cores, wall time includes waiting for a core; CPU time does not")
        print(f"{'command':<22}{'target':>7}  {'in-process median':>22}  {'subprocess (once)':>22}")
        print(f"{'':<22}{'':>7}  {'wall':>10}  {'CPU':>10}  {'wall':>10}  {'CPU':>10}")
        for name, argv in COMMANDS.items():
            runs = [time_in_process(path, argv) for _ in range(options.repeat)]
            wall = statistics.median(run[0] for run in runs)
            cpu = statistics.median(run[1] for run in runs)
            whole, whole_cpu = time_subprocess(path, argv)
            verdict = "ok" if max(wall, whole) <= TARGETS[name] else "over (wall)"
            if verdict != "ok" and max(cpu, whole_cpu) <= TARGETS[name]:
                verdict += ", ok (CPU)"
            print(f"{name:<22}{TARGETS[name]:>6.1f}s  {wall:>9.2f}s  {cpu:>9.2f}s  {whole:>9.2f}s"
                  f"  {whole_cpu:>9.2f}s  {verdict}")
            steps = time_steps(path, argv)
            print("    " + ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items()))


if __name__ == "__main__":
    main()
