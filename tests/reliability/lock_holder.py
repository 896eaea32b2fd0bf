"""Child process for the lock test: `python lock_holder.py DB_PATH`.

Opens the database as a writer (taking its lock), prints `locked`, and keeps it open
until its stdin is closed; then closes the database and exits.
"""

import sys
from pathlib import Path

from facilitator.store.database import Database

with Database.open(Path(sys.argv[1]), writer=True):
    print("locked", flush=True)
    sys.stdin.read()
