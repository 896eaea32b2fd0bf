"""How fast history and export run on a large intergroup: `python benchmarks/history.py`.

Builds a database of 100,000 records (20 years, weekly meetings) by writing its JSON
directly, and the same rows as a CSV file. Times `history --by month` beside a plain-Python
`csv` script adding the CSV's rows up per month, and `export --format csv` beside a plain
`csv` copy of the CSV file (benchmarks/plain_csv.py). Each run is a fresh process, the
command and its baseline in turns so a busy machine slows both alike: the time after
start-up and imports (wall and CPU, medians of --repeat), the whole process's wall time, and
the command's peak memory beside a bare `orjson.loads` of the database file. Then the same
at 300,000 records. Run by hand; timings do not belong in the test suite.
"""

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import orjson

from facilitator.cli import build_parser
from facilitator.commands.export import render
from facilitator.commands.history import history_text
from facilitator.commands.progress import Progress
from facilitator.commands.selection import select_records
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.batch_gc import collector_paused
from facilitator.store.migrations import CURRENT_VERSION

RECORDS = 100_000
YEARS = 20
TARGETS = {"history --by month": 2.0, "export --format csv": 3.0}  # times the plain script
COMMANDS = {"history --by month": ["history", "--by", "month"],
            "export --format csv": ["export", "--format", "csv"]}
CSV_COLUMNS = ("date", "meeting", "attendance", "newcomers", "visitors", "online", "shares",
               "share_seconds", "passes", "over_time", "chips", "collection", "currency",
               "start", "end", "note", "sections")


def sample_rows(count: int, seed: int = 1) -> tuple[dict, list[dict]]:
    """`count` stored rows over YEARS years: 96 weekly meetings per 100,000 records."""
    rng = random.Random(seed)
    meetings_held = -(-count // (YEARS * 52))
    first = date.today() - timedelta(days=365 * YEARS)
    meetings = {str(n + 1): Meeting(name=f"Meeting {n + 1:02d}", days=(n % 7,)).to_dict()
                for n in range(meetings_held)}
    rows = []
    for week in range(YEARS * 53):
        for n in range(meetings_held):
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
                "collection": attendance * rng.choice((100, 150, 200)), "collection_online": 0,
                "currency": "USD",
                "start": "19:00", "end": "20:00",
                "note": "Group conscience after" if rng.random() < 0.02 else "",
                "sections": {},
            })
            if len(rows) == count:
                return meetings, rows
    return meetings, rows


def build(path: Path, count: int = RECORDS, seed: int = 1) -> int:
    """Write the database file of `count` records; a sample of rows is checked by Record."""
    meetings, rows = sample_rows(count, seed)
    for row in rows[:: max(1, count // 100)]:
        assert Record.from_dict(row).to_dict() == row
    records = {str(n + 1): row for n, row in enumerate(rows)}
    content = {"schema_version": CURRENT_VERSION,
               "tables": {"meetings": meetings, "records": records}}
    path.write_bytes(orjson.dumps(content))
    return len(rows)


def write_csv(path: Path, count: int, seed: int = 1) -> None:
    """The same rows as a CSV file, written with the csv module alone."""
    _, rows = sample_rows(count, seed)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            chips = ";".join(f"{key}:{number}" for key, number in row["chips"].items())
            cents = row["collection"]
            writer.writerow([row[name] for name in CSV_COLUMNS[:10]] + [
                chips, f"{cents // 100}.{cents % 100:02d}", row["currency"], row["start"],
                row["end"], row["note"], ""])


BASELINE_NAMES = {"history --by month": "aggregate", "export --format csv": "copy"}
BARE_LOADS = "import sys, orjson; orjson.loads(open(sys.argv[1], 'rb').read())"
# The command in a fresh process: the time after start-up and imports goes to stderr.
OURS = """
import sys, time
from facilitator.cli import build_parser
from facilitator.core.clock import SystemClock
args = build_parser().parse_args(sys.argv[1:])
wall, cpu = time.perf_counter(), time.process_time()
args.run(args, SystemClock())
print(time.perf_counter() - wall, time.process_time() - cpu, file=sys.stderr)
"""


# -- timing --------------------------------------------------------------------------------

def time_steps(path: Path, argv: list[str]) -> dict[str, float]:
    """Where the (wall) time of one run goes, in this process (collector paused as the
    commands run)."""
    args = build_parser().parse_args(["--db", str(path), *argv])
    steps = {}
    with collector_paused():
        started = time.perf_counter()
        chosen = select_records(args, Progress(), date.today(), listed=args.command == "export")
        steps["read and select"] = time.perf_counter() - started
        started = time.perf_counter()
        if args.command == "export":
            render(chosen, "csv", "occurrence")
            steps["write CSV"] = time.perf_counter() - started
        else:
            history_text(chosen, "month")
            steps["group, summarize and lay out"] = time.perf_counter() - started
    return steps


def child(argv: list[str]) -> tuple[float, float, float, float]:
    """One fresh process: (wall, CPU) after its start-up, whole wall, peak memory in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    whole = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, (argv, stderr)
    wall, cpu = (map(float, stderr.split()[-2:]) if stderr.strip() else (whole, whole))
    return wall, cpu, whole, usage.ru_maxrss / 1024


def in_turns(path: Path, csv_path: Path, name: str, repeat: int) -> tuple[tuple, tuple, float]:
    """Command and baseline, each in a fresh process, in turns: medians of child() for
    each, and the median of the rounds' own CPU ratios (a machine whose speed drifts from
    one minute to the next moves both runs of a round alike)."""
    ours, theirs = [], []
    baseline = Path(__file__).parent / "plain_csv.py"
    for _ in range(repeat):
        ours.append(child([sys.executable, "-c", OURS, "--db", str(path), *COMMANDS[name]]))
        theirs.append(child([sys.executable, str(baseline), BASELINE_NAMES[name],
                             str(csv_path)]))
    medians = [tuple(statistics.median(run[i] for run in runs) for i in range(4))
               for runs in (ours, theirs)]
    paired = statistics.median(mine[1] / plain[1] for mine, plain in zip(ours, theirs))
    return medians[0], medians[1], paired


def measure(folder: Path, count: int, repeat: int) -> None:
    path, csv_path = folder / f"intergroup-{count}.json", folder / f"intergroup-{count}.csv"
    started = time.perf_counter()
    build(path, count)
    write_csv(csv_path, count)
    print(f"\n{count:,} records: database {path.stat().st_size / 1e6:.1f} MB, CSV "
          f"{csv_path.stat().st_size / 1e6:.1f} MB (built in {time.perf_counter() - started:.1f} s)")
    bare = statistics.median(child([sys.executable, "-c", BARE_LOADS, str(path)])[3]
                             for _ in range(2))
    print(f"{'':<22}{'after start-up, median of ' + str(repeat):^38}  {'whole process':^24}")
    print(f"{'command':<22}{'ours':>9}{'csv':>8}{'ratio':>8}{'CPU ratio':>11}  "
          f"{'ours':>7}{'csv':>7}{'ratio':>7}  {'peak MB':>8}  target")
    for name in COMMANDS:
        ours, theirs, paired = in_turns(path, csv_path, name, repeat)
        ratio, cpu_ratio, whole_ratio = (ours[i] / theirs[i] for i in range(3))
        verdict = "ok" if max(ratio, cpu_ratio) <= TARGETS[name] else "MISSED"
        print(f"{name:<22}{ours[0]:>8.2f}s{theirs[0]:>7.2f}s{ratio:>7.2f}x{cpu_ratio:>10.2f}x  "
              f"{ours[2]:>6.2f}s{theirs[2]:>6.2f}s{whole_ratio:>6.2f}x  {ours[3]:>8.0f}  "
              f"<= {TARGETS[name]:.0f}x: {verdict}")
        print(f"    {name}: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU, {paired:.2f}x CPU round "
              f"by round (target <= {TARGETS[name]:.0f}x), peak {ours[3]:.0f} MB")
        steps = time_steps(path, COMMANDS[name])
        print("    " + ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items()))
    print(f"{'bare orjson.loads of the database file':<62}{'':>22}{bare:>8.0f}")
    print(f"    peak memory beside a bare orjson.loads of the file: {bare:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--records", type=int, nargs="+", default=[RECORDS, 3 * RECORDS])
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: when it is above "
          "the cores, wall time includes waiting for a core; CPU time does not")
    with tempfile.TemporaryDirectory() as folder:
        for count in options.records:
            measure(Path(folder), count, options.repeat)


if __name__ == "__main__":
    main()
