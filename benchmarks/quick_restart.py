"""From SIGHUP/SIGTERM to the database lock let go: `python benchmarks/quick_restart.py`.

The real app runs on a pseudo-terminal (as tests/reliability/test_app_kill.py runs it),
starts a meeting, and gets the signal; this process then tries the lock every 5 ms
and notes when it first takes it. Prints the median over the runs for each signal, against
the target of 0.3 s. Run by hand on POSIX; timings do not belong in the tests.
"""

import argparse
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.core.schedule.meeting import Meeting  # noqa: E402
from facilitator.store.database import Database  # noqa: E402
from facilitator.store.errors import DatabaseLocked  # noqa: E402
from facilitator.store.paths import journal_path  # noqa: E402
from tests.reliability.test_app_kill import Terminal  # noqa: E402

TARGET_SECONDS = 0.3


def seconds_to_release(db: Path, signum: int) -> float:
    """From the signal, sent mid-meeting, to the lock taken by this process."""
    terminal = Terminal(db)
    try:
        terminal.wait_for_text("Which meeting are we running?")
        terminal.send("\r")
        terminal.wait_for_text("7th tradition")
        time.sleep(0.3)  # settled: the first paint is done
        sent = time.perf_counter()
        terminal.process.send_signal(signum)
        while True:
            try:
                Database.open(db).close()
                return time.perf_counter() - sent
            except DatabaseLocked:
                time.sleep(0.005)
    finally:
        terminal.close()
        journal_path(db).unlink(missing_ok=True)  # the next run starts afresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facilitator.json"
        with Database.open(db) as database:
            database.add_meeting(Meeting(name="Tuesday Night"))
        for name in ("SIGHUP", "SIGTERM"):
            times = [seconds_to_release(db, getattr(signal, name)) for _ in range(runs)]
            print(f"{name}: lock let go after {statistics.median(times):.3f} s median "
                  f"(min {min(times):.3f}, max {max(times):.3f}; target {TARGET_SECONDS} s)")


if __name__ == "__main__":
    main()
