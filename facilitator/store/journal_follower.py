"""Following the live journal of a meeting run by another process, for the room display.

Read-only by design: the file is opened for reading and nothing else is ever done to it
(find_left_behind may remove a journal; this never does). Each poll costs one stat; the
bytes appended since the last poll are parsed and applied to the replayed state.
"""

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from facilitator.core.errors import ValidationError
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.meeting.session_history import (Replayed, SessionHistory, entry_time,
                                                      replay_entry, start_entry)


@dataclass(frozen=True)
class FollowedMeeting:
    """The meeting as the journal tells it, and the meeting and wall time of its last entry."""

    session: MeetingSession
    last_t: float
    last_wall: datetime
    entries: int


class JournalFollower:
    """Polls one journal path; `meeting` is None while there is no meeting in progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.meeting: FollowedMeeting | None = None
        self._signature: tuple[int, int, int] | None = None
        self._offset = 0  # bytes consumed: whole lines only
        self._history: SessionHistory | None = None
        self._count = 0

    def poll(self) -> bool:
        """Look at the file again; True when what it says has changed."""
        try:
            status = os.stat(self.path)
        except OSError:
            return self._forget()
        if not stat.S_ISREG(status.st_mode):
            return self._forget()  # a pipe in its place is never opened: it would block
        signature = (status.st_ino, status.st_size, status.st_mtime_ns)
        if signature == self._signature:
            return False
        if self._signature is None or status.st_ino != self._signature[0] \
                or status.st_size < self._offset:
            self._reset()  # a new journal, or one whose torn tail was cut off on resume
        self._signature = signature
        try:
            with open(self.path, "rb") as file:
                file.seek(self._offset)
                appended = file.read()
        except OSError:
            return self._forget()
        return self._take(appended)

    def _reset(self) -> None:
        self._offset, self._history, self._count = 0, None, 0
        self.meeting = None

    def _forget(self) -> bool:
        """The journal is gone (the meeting ended or was discarded) or can't be read."""
        had = self.meeting is not None
        self._signature = None
        self._reset()
        return had

    def _take(self, appended: bytes) -> bool:
        before = self.meeting
        entries = []
        consumed = 0
        for line in appended.split(b"\n")[:-1]:  # the last piece has no newline yet
            try:
                entry = orjson.loads(line)
                if not isinstance(entry, dict) or not isinstance(entry.get("a"), dict):
                    raise ValueError
            except ValueError:
                break  # a damaged line: stop here, as a resume would
            entries.append(entry)
            consumed += len(line) + 1
        self._offset += consumed
        for entry in entries:
            self._apply(entry)
        return self.meeting is not before

    def _apply(self, entry: dict) -> None:
        try:
            wall = datetime.fromisoformat(entry["wall"])
            t = entry_time(entry)
        except (KeyError, TypeError, ValueError):
            return
        self._count += 1
        if self._history is None:
            try:
                self._history = start_entry(entry)
            except ValidationError:
                pass  # not a start: nothing to show until a meeting begins
        else:
            # An action that no longer applies changes nothing, as on resume.
            self._history = replay_entry(Replayed(self._history), entry).history
        if self._history is None or entry["a"].get("type") == "closing":
            self.meeting = None  # no start yet, or the record is being saved: no meeting
            return
        self.meeting = FollowedMeeting(self._history.present, t, wall, self._count)
