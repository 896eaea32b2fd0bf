"""The live journal: one JSON line per meeting action, on disk before the screen changes.

It sits beside the database (mode 0600) and never touches it, so an action costs the same
whatever the size of the history. Names typed in the meeting live here while it runs; the
file is deleted when the meeting is ended or discarded.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from facilitator.store.files import FILE_MODE, read_regular
from facilitator.store import platform_files
from facilitator.store.platform_files import open_flags, sync_folder


@dataclass(frozen=True)
class JournalContents:
    entries: list[dict]
    dropped_lines: int  # a torn last line (the process died mid-write) is dropped
    good_bytes: int = 0  # length of the entries read, each counted with its newline
    torn_first_line: bool = False  # the only line is cut short: begin() never returned


class Journal:
    """Appends entries durably: write, then fsync, before returning."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, open_flags(os.O_WRONLY, os.O_APPEND, os.O_CREAT), FILE_MODE)

    @classmethod
    def reopen(cls, path: Path, good_bytes: int) -> "Journal":
        """Continue a journal left behind, cutting off a torn or damaged tail first.

        Appending after a torn fragment would glue the next action onto it, and a later
        read stops at that line: every action after the resume would be lost.
        """
        journal = cls(path)
        size = os.fstat(journal._fd).st_size
        if size > good_bytes:
            os.ftruncate(journal._fd, good_bytes)
        elif size < good_bytes:
            os.write(journal._fd, b"\n")  # the last entry is whole but lost its newline
        if size != good_bytes:
            os.fsync(journal._fd)
        return journal

    @classmethod
    def create(cls, path: Path, first: dict) -> "Journal":
        """Start a new journal; refuses to overwrite one that is there."""
        fd = os.open(path, open_flags(os.O_WRONLY, os.O_CREAT, os.O_EXCL), FILE_MODE)
        os.close(fd)
        journal = cls(path)
        journal.append(first)
        sync_folder(path.parent)
        return journal

    def append(self, entry: dict) -> None:
        line = orjson.dumps(entry) + b"\n"
        view = memoryview(line)
        end = os.lseek(self._fd, 0, os.SEEK_END)
        try:
            while view:
                view = view[os.write(self._fd, view):]
            os.fsync(self._fd)
        except OSError:
            # A half-written line (disk full) would hide every later line from replay.
            try:
                os.ftruncate(self._fd, end)
            except OSError:
                pass
            raise

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def delete(self) -> None:
        """Remove the journal (and with it every name typed in this meeting)."""
        self.close()
        remove(self.path)


def remove(path: Path) -> None:
    platform_files.remove(path)
    sync_folder(path.parent)


def read(path: Path) -> JournalContents:
    """Entries up to the first line that doesn't parse; later lines are dropped."""
    entries: list[dict] = []
    raw = read_regular(path)  # a pipe or a folder in its place is refused, never waited on
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    good_bytes = 0
    for number, line in enumerate(lines):
        try:
            entry = orjson.loads(line)
            if not isinstance(entry, dict) or not isinstance(entry.get("a"), dict):
                raise ValueError
        except ValueError:
            return JournalContents(entries, len(lines) - number, good_bytes,
                                   torn_first_line=number == 0 and b"\n" not in raw)
        entries.append(entry)
        good_bytes += len(line) + 1
    return JournalContents(entries, 0, good_bytes)
