"""The live journal: one JSON line per meeting action, on disk before the screen changes.

It sits beside the database (mode 0600) and never touches it, so an action costs the same
whatever the size of the history. Names typed in the meeting live here while it runs; the
file is deleted when the meeting is ended or discarded.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from facilitator.store.files import FILE_MODE, fsync_folder


@dataclass(frozen=True)
class JournalContents:
    entries: list[dict]
    dropped_lines: int  # a torn last line (the process died mid-write) is dropped


class Journal:
    """Appends entries durably: write, then fsync, before returning."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)

    @classmethod
    def create(cls, path: Path, first: dict) -> "Journal":
        """Start a new journal; refuses to overwrite one that is there."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        journal = cls(path)
        journal.append(first)
        fsync_folder(path.parent)
        return journal

    def append(self, entry: dict) -> None:
        line = orjson.dumps(entry) + b"\n"
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view):]
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def delete(self) -> None:
        """Remove the journal (and with it every name typed in this meeting)."""
        self.close()
        remove(self.path)


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    fsync_folder(path.parent)


def read(path: Path) -> JournalContents:
    """Entries up to the first line that doesn't parse; later lines are dropped."""
    entries: list[dict] = []
    lines = path.read_bytes().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines):
        try:
            entry = orjson.loads(line)
            if not isinstance(entry, dict) or not isinstance(entry.get("a"), dict):
                raise ValueError
        except ValueError:
            return JournalContents(entries, len(lines) - number)
        entries.append(entry)
    return JournalContents(entries, 0)
