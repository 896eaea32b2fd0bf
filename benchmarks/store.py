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

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.batch_gc import collector_paused
from facilitator.store.database import Database
from facilitator.store.migrations import CURRENT_VERSION

MEETINGS = 40
FIRST_DAY = date(1990, 1, 1)
ADD_TARGET_MS = 250
READ_TARGET_MS = 300
TINYDB_REFERENCE_MS = 440  # TinyDB's own add at 100,000 on the machine the targets are for


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


def timed(action) -> tuple[float, float]:
    """Milliseconds `action()` takes: wall clock, and CPU time of this process.

    CPU time is shown too because on a shared machine waiting for a core inflates the wall
    clock; on a quiet one the wall clock is CPU time plus the waits for the disk.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def time_read_all(path: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """Database.open(writer=False) + records(), timed; then closing and freeing, timed apart."""
    found: list = []

    def open_and_read() -> None:
        database = Database.open(path, writer=False)
        found.extend([database, database.records()])

    reading = timed(open_and_read)
    assert len(found[1]) == 100_000

    def close_and_free() -> None:
        found[0].close()
        found.clear()

    return reading, timed(close_and_free)


def time_small_stores(folder: Path, repeat: int) -> None:
    for count in (0, 10_000):
        path = folder / f"store-{count}.json"
        write_store_file(path, count)
        with Database.open(path) as database:
            adds = [timed(lambda: database.add_record(next_record(step))) for step in range(repeat)]
        show(f"add one record, {count:,} stored", adds)


def time_large_store(folder: Path, repeat: int) -> tuple[list, ...]:
    """Store add, store read-all and TinyDB add at 100,000, taken in turns.

    In turns, so that a machine busy with something else slows all three alike and the
    ratios stay fair.
    """
    added, read, opened_and_added = folder / "add.json", folder / "read.json", folder / "cli.json"
    baseline = folder / "tinydb.json"
    for path in (added, read, opened_and_added):
        write_store_file(path, 100_000)
    write_tinydb_file(baseline, 100_000)
    adds, reads, teardowns, cli_adds, tinydb_adds = [], [], [], [], []
    with Database.open(added) as database, TinyDB(baseline) as tinydb:
        table = tinydb.table("records")
        for step in range(repeat):
            adds.append(timed(lambda: database.add_record(next_record(step))))
            reading, teardown = time_read_all(read)
            reads.append(reading)
            teardowns.append(teardown)
            tinydb_adds.append(timed(lambda: table.insert(next_record(step).to_dict())))
    for step in range(repeat):
        def open_and_add() -> None:
            with collector_paused(), Database.open(opened_and_added) as database:
                database.add_record(next_record(step))
        cli_adds.append(timed(open_and_add))
    return adds, reads, teardowns, cli_adds, tinydb_adds


def show(label: str, timings: list[tuple[float, float]], target: float | None = None,
         baseline: float | None = None) -> None:
    median = statistics.median(wall for wall, _ in timings)
    cpu = statistics.median(cpu for _, cpu in timings)
    notes = [f"cpu {cpu:7.1f} ms"]
    if target is not None:
        notes.append(f"target <= {target:.0f} ms: " + ("ok" if median <= target else "MISSED"))
    if baseline:
        notes.append(f"{median / baseline:.2f} x TinyDB's add (target "
                     f"{target / TINYDB_REFERENCE_MS:.2f} x)")
    print(f"{label:<40} {median:8.1f} ms   " + "; ".join(notes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median shown)")
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        time_small_stores(folder, repeat)
        adds, reads, teardowns, cli_adds, tinydb_adds = time_large_store(folder, repeat)
        tinydb = statistics.median(wall for wall, _ in tinydb_adds)
        show("add one record, 100,000 stored", adds, ADD_TARGET_MS, tinydb)
        show("read all 100,000 (open + records())", reads, READ_TARGET_MS, tinydb)
        show("  then close and free them (not counted)", teardowns)
        show("open + add one (as `record` does)", cli_adds)
        show("TinyDB JSONStorage: add one at 100,000", tinydb_adds)
        size = (folder / "read.json").stat().st_size
        print(f"(file of 100,000 records: {size / 1e6:.1f} MB; medians of {repeat} runs; the "
              f"targets assume TinyDB's add takes about {TINYDB_REFERENCE_MS} ms)")


if __name__ == "__main__":
    main()
