"""How long one meeting action takes to be durable: `python benchmarks/journal.py`.

Times `LiveMeeting.do` (check the action, append one JSON line, fsync) with the history
database open as the app holds it: empty, and with 100,000 records. The journal never
touches the database, so the two should cost the same. The 100,000-record file is written
directly with orjson in the store's format. The two cases take turns in blocks, so a busy
machine slows both alike. Prints medians and the 90th percentile; targets: median <= 5 ms
and ratio <= 1.2. The files go in --dir (default: the current folder), on a real disk:
fsync on a memory file system would measure nothing. Run by hand, not in the tests.
"""

import argparse
import gc
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson

from facilitator.core.clock import SystemClock
from facilitator.core.meeting.actions import SignIn, Undo
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.database import Database
from facilitator.store.live_meeting import LiveMeeting
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.paths import journal_path

TARGET_MS = 5.0
TARGET_RATIO = 1.2
MEETINGS = 40


def write_history(path: Path, count: int) -> None:
    """A database file with MEETINGS meetings and `count` records, one per meeting and day."""
    meetings = {str(n + 1): Meeting(name=f"Meeting {n + 1}").to_dict() for n in range(MEETINGS)}
    first = date(1990, 1, 1)
    records = {
        str(n + 1): Record(meeting=f"Meeting {n % MEETINGS + 1}",
                           date=first + timedelta(days=n // MEETINGS),
                           attendance=5 + n % 60, newcomers=n % 3, collection=n % 4000).to_dict()
        for n in range(count)
    }
    tables = {"meetings": meetings, "records": records}
    path.write_bytes(orjson.dumps({"schema_version": CURRENT_VERSION, "tables": tables}))
    path.chmod(0o600)


class Case:
    """One database (opened as the app opens it) with a meeting in progress beside it."""

    def __init__(self, folder: Path, records: int) -> None:
        db = folder / f"history-{records}.json"
        write_history(db, records)
        self.database = Database.open(db, writer=True)
        assert len(self.database.records()) == records
        self.live = LiveMeeting.begin(journal_path(db), self.database.meetings()[0],
                                      self.database.settings(), SystemClock())
        self.records = records
        self.samples: list[float] = []

    def run(self, actions: int) -> None:
        for n in range(actions):
            action = SignIn(name=f"Guest{n}", newcomer=n % 5 == 0)
            start = time.perf_counter()
            self.live.do(action)
            self.samples.append(time.perf_counter() - start)
            if n % 50 == 49:
                self.live.do(Undo())  # keep the meeting a plausible size

    def close(self) -> None:
        self.live.discard()
        self.database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=".", help="folder on the disk to measure")
    parser.add_argument("--actions", type=int, default=200, help="actions per block")
    parser.add_argument("--blocks", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="journal-bench-") as folder:
        built = time.perf_counter()
        cases = [Case(Path(folder), 0), Case(Path(folder), 100_000)]
        print(f"databases built and opened in {time.perf_counter() - built:.1f} s")
        gc.collect()
        for _ in range(args.blocks):
            for case in cases:
                case.run(args.actions)
        for case in cases:
            case.close()
    medians = []
    print(f"one action made durable (LiveMeeting.do), {args.blocks} x {args.actions} each")
    for case in cases:
        samples = sorted(case.samples)
        median = statistics.median(samples) * 1000
        p90 = samples[int(len(samples) * 0.9)] * 1000
        medians.append(median)
        verdict = "meets" if median <= TARGET_MS else "misses"
        print(f"  {case.records:>7,} records   median {median:6.2f} ms   p90 {p90:6.2f} ms"
              f"   ({verdict} the {TARGET_MS} ms target)")
    ratio = medians[1] / medians[0]
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"  ratio 100,000 / empty: {ratio:.2f} ({verdict} the {TARGET_RATIO} target)")
    print(f"  measured {datetime.now():%Y-%m-%d %H:%M} in {Path(args.dir).resolve()}")


if __name__ == "__main__":
    main()
