"""Meeting time: seconds since the meeting started, read from a monotonic clock.

Within one run of the app the time is `offset + (monotonic() - anchor)`, never counted in
ticks. When a meeting is resumed after a crash, the new run's offset is the last journaled
time plus the wall-clock time the app was down: that time really passed in the room.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Timeline:
    """Maps readings of a monotonic clock onto seconds since the meeting started."""

    offset: float
    anchor: float

    def at(self, monotonic: float) -> float:
        return max(0.0, self.offset + (monotonic - self.anchor))

    @classmethod
    def resumed(cls, last_t: float, last_wall: datetime, now_wall: datetime,
                monotonic: float) -> "Timeline":
        downtime = max(0.0, (now_wall - last_wall).total_seconds())
        return cls(offset=last_t + downtime, anchor=monotonic)
