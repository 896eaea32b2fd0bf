"""Another window holding a database's lock.

`python lock_holder.py DB_PATH` opens the database as a writer (taking its lock), prints
`locked`, and keeps it open until its stdin is closed; then closes the database and exits.
`LockHolder(path)` starts one and returns once it holds the lock.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class LockHolder:
    """A process holding the writer's lock of `path` until `let_go()`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, str(path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert self.process.stdout.readline() == "locked\n"

    def let_go(self) -> None:
        """Close the database and wait for the process to end (once; again does nothing)."""
        if self.process.poll() is None:
            self.process.stdin.close()
            assert self.process.wait(timeout=30) == 0


if __name__ == "__main__":
    from facilitator.store.database import Database

    with Database.open(Path(sys.argv[1]), writer=True):
        print("locked", flush=True)
        sys.stdin.read()
