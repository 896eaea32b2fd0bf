"""Child process for the crash test: `python crash_writer.py DB_PATH`.

For each line read on stdin it forks a writer and waits for it to die. The writer prints
`pid N`, opens the database with Database.open (lock, read, clean-up), then adds records
K, K+1, … (K = how many are stored) with Database.add_record, printing `ack I` as soon as
add_record(I) has returned. The test SIGKILLs the writer at a random moment; this process
then prints `dead N STATUS`. Importing once and forking makes each round take
milliseconds, so a test can kill a real writer hundreds of times in a few seconds.
"""

import os
import sys
from datetime import date, timedelta
from pathlib import Path

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.database import Database

MEETING = "Crash Test"
FIRST_DAY = date(2000, 1, 1)


def record_number(number: int) -> Record:
    """The record written as write number `number`: its date and note say which."""
    return Record(meeting=MEETING, date=FIRST_DAY + timedelta(days=number),
                  attendance=number % 97 + 3, newcomers=number % 3, note=f"write {number}")


def say(line: str) -> None:
    """One write call per line: a kill never leaves half a line in the pipe."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write_until_killed(path: Path) -> None:
    say(f"pid {os.getpid()}")
    database = Database.open(path)
    if database.find_meeting(MEETING) is None:
        database.add_meeting(Meeting(name=MEETING))
    number = len(database.records())
    while True:
        database.add_record(record_number(number))
        say(f"ack {number}")
        number += 1


def main() -> None:
    path = Path(sys.argv[1])
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(path)
            finally:
                os._exit(1)  # only reached if the writer failed on its own
        _, status = os.waitpid(pid, 0)
        say(f"dead {pid} {status}")


if __name__ == "__main__":
    main()
