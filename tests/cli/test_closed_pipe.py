"""A reader that stops early (`facilitator meetings list | head -1`) is not an error."""

import os
import subprocess
import sys
from pathlib import Path

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database

REPO = Path(__file__).resolve().parents[2]


def test_output_cut_short_by_the_reader_exits_quietly(db_path):
    """More output than a pipe holds, the reader gone after a few bytes: exit 0, no traceback."""
    with Database.open(db_path) as database:
        database.add_meetings_and_records(
            [Meeting(name=f"Meeting number {n}") for n in range(3000)], [])
    env = {**os.environ, "FACILITATOR_DB": str(db_path),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, "-m", "facilitator", "meetings", "list"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout.read(20) == b"Meeting number 0    "
    child.stdout.close()
    errors = child.stderr.read()
    assert child.wait(timeout=60) == 0
    assert errors == b""
