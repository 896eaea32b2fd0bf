"""The clock is passed in, so tests (and snapshots) can move time by hand."""

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Two readings: a monotonic one for durations, and local wall time for display."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        # Whole microseconds: the room display times the share from the journal's wall times.
        return datetime.now()


class FakeClock:
    """A clock that moves only when told to: for tests and snapshots."""

    def __init__(self, start: datetime, monotonic: float = 1000.0) -> None:
        self._wall = start
        self._monotonic = monotonic

    def monotonic(self) -> float:
        return self._monotonic

    def now(self) -> datetime:
        from datetime import timedelta

        return (self._wall + timedelta(seconds=self._monotonic - 1000.0)).replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        self._monotonic += seconds
