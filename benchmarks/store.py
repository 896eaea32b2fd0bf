"""How fast the store adds and reads records: `python benchmarks/store.py [--repeat N]`.

Prints the median of several runs beside each target, and TinyDB's own JSONStorage adding
one record to the same 100,000 records as a baseline measured in the same run. Run by hand;
timings do not belong in the test suite.
"""

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import orjson
from tinydb import TinyDB

from facilitator.core.meeting import Meeting
from facilitator.core.record import Record
from facilitator.store.database import Database
from facilitator.store.migrations import CURRENT_VERSION

MEETINGS = 40
FIRST_DAY = date(1990, 1, 1)
ADD_TARGET_MS = 250
READ_TARGET_MS = 300


def sample_rows(count: int) -> tuple[dict, dict]:
    """`count` valid record rows spread over MEETINGS meetings, one per meeting and day."""
    meetings = {str(n + 1): Meeting(name=f"Meeting {n + 1}").to_dict() for n in range(MEETINGS)}
    records = {}
    for n in range(count):
        attendance = 5 + n % 60
        record = Record(
            meeting=f"Meeting {n % MEETINGS + 1}",
            date=FIRST_DAY + timedelta(days=n // MEETINGS),
            attendance=attendance, newcomers=n % 3, visitors=n % 2, online=n % 5,
            shares=n % 12, share_seconds=(n % 12) * 240,
            chips={"24h": 1, "30d": n % 2} if n % 7 == 0 else {},
            collection=attendance * 150, note="Rain; the coffee ran out." if n % 9 == 0 else "",
        )
        records[str(n + 1)] = record.to_dict()
    return meetings, records


def write_store_file(path: Path, count: int) -> None:
    """The database file holding `count` records, written directly (not by `count` inserts)."""
    meetings, records = sample_rows(count)
    tables = {"meetings": meetings, "records": records}
    path.write_bytes(orjson.dumps({"schema_version": CURRENT_VERSION, "tables": tables}))
    path.chmod(0o600)


def write_tinydb_file(path: Path, count: int) -> None:
    """The same records in TinyDB's own JSONStorage layout (tables at the top level)."""
    meetings, records = sample_rows(count)
    path.write_bytes(orjson.dumps({"meetings": meetings, "records": records}))


def next_record(step: int) -> Record:
    """A record on a day later than any sample row, so it never clashes."""
    return Record(meeting="Meeting 1", date=date(2200, 1, 1) + timedelta(days=step),
                  attendance=20, newcomers=2, collection=3150)


def time_store_adds(path: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds for add_record on an open database, and for open + add (as the CLI does)."""
    adds, cli_like = [], []
    with Database.open(path) as database:
        for step in range(repeat):
            started = time.perf_counter()
            database.add_record(next_record(step))
            adds.append((time.perf_counter() - started) * 1000)
    for step in range(repeat, 2 * repeat):
        started = time.perf_counter()
        with Database.open(path) as database:
            database.add_record(next_record(step))
        cli_like.append((time.perf_counter() - started) * 1000)
    return adds, cli_like


def time_store_read(path: Path, repeat: int, expected: int) -> list[float]:
    """Milliseconds to open for reading and build every Record."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        with Database.open(path, writer=False) as database:
            records = database.records()
        timings.append((time.perf_counter() - started) * 1000)
        assert len(records) == expected, len(records)
    return timings


def time_tinydb_adds(path: Path, repeat: int) -> list[float]:
    """Milliseconds for TinyDB's default JSONStorage to insert one record."""
    timings = []
    with TinyDB(path) as database:
        table = database.table("records")
        for step in range(repeat):
            row = next_record(step).to_dict()
            started = time.perf_counter()
            table.insert(row)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def show(label: str, timings: list[float], target: float | None = None) -> None:
    median = statistics.median(timings)
    verdict = ""
    if target is not None:
        verdict = f"target <= {target:.0f} ms  " + ("ok" if median <= target else "MISSED")
    print(f"{label:<44} {median:8.1f} ms   {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median shown)")
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for count in (0, 10_000, 100_000):
            path = folder / f"store-{count}.json"
            write_store_file(path, count)
            adds, cli_like = time_store_adds(path, repeat)
            show(f"add one record, {count:,} stored", adds,
                 ADD_TARGET_MS if count == 100_000 else None)
            show(f"open + add one (CLI), {count:,} stored", cli_like)
        path = folder / "store-read.json"
        write_store_file(path, 100_000)
        show("read all 100,000 (open + records())", time_store_read(path, repeat, 100_000),
             READ_TARGET_MS)
        baseline = folder / "tinydb.json"
        write_tinydb_file(baseline, 100_000)
        show("TinyDB JSONStorage: add one, 100,000 stored", time_tinydb_adds(baseline, repeat))
        print(f"file size at 100,000 records: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
