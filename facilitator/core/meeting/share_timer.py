"""The clock of one share and the meeting's anonymous share statistics, as pure values.

Time is never counted in ticks: every reading is derived from `now`, a monotonic time in
seconds passed in by the caller, so a stalled event loop or a pause cannot make it drift.
An interval in the screen only decides when to redraw.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

MIN_PLANNED_SECONDS = 60
MAX_PLANNED_SECONDS = 60 * 60


class TimerState(StrEnum):
    """How the countdown is shown."""

    NORMAL = "normal"
    WARNING = "warning"  # the last `warning_seconds` of the share
    OVER = "over"  # the planned length is used up: count up in red
    PAUSED = "paused"


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class ShareTimer:
    """A share's planned length and the time it has run, paused or not.

    A timer that has not been started reads 0 elapsed and shows the planned length.
    Over time begins when the planned length is used up exactly (remaining <= 0), which is
    when the "please wrap up" cue belongs. The planned length stays within 1 and 60
    minutes; `adjust` clamps to that range, `with_planned` refuses values outside it.
    """

    planned_seconds: int = 300
    banked: float = 0.0  # seconds run before the last pause
    running_since: float | None = None  # the clock reading when it last started or resumed
    started: bool = False

    def __post_init__(self) -> None:
        planned = self.planned_seconds
        if not isinstance(planned, int) or isinstance(planned, bool):
            raise ValidationError(N_("share length"), _("must be a whole number of seconds"))
        if not MIN_PLANNED_SECONDS <= planned <= MAX_PLANNED_SECONDS:
            raise ValidationError(N_("share length"), _("must be from 1 to 60 minutes"))
        if not _number(self.banked) or self.banked < 0:
            raise ValidationError(N_("timer"), _("elapsed time must be 0 or more seconds"))
        if self.running_since is not None and not _number(self.running_since):
            raise ValidationError(N_("timer"), _("start time must be a clock reading"))
        if not isinstance(self.started, bool) or (self.running and not self.started):
            raise ValidationError(N_("timer"), _("is running but not started"))

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def paused(self) -> bool:
        return self.started and not self.running

    def start(self, now: float) -> "ShareTimer":
        if self.started:
            raise ValidationError(N_("timer"), _("this share has already started"))
        return replace(self, started=True, running_since=now)

    def pause(self, now: float) -> "ShareTimer":
        if not self.running:
            raise ValidationError(N_("timer"), _("is not running"))
        return replace(self, banked=self.elapsed(now), running_since=None)

    def resume(self, now: float) -> "ShareTimer":
        if not self.paused:
            raise ValidationError(N_("timer"), _("is not paused"))
        return replace(self, running_since=now)

    def adjust(self, delta_seconds: int) -> "ShareTimer":
        """Lengthen or shorten this share (±60 s per key), kept within 1 and 60 minutes."""
        planned = self.planned_seconds + delta_seconds
        return replace(self, planned_seconds=min(max(planned, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS))

    def with_planned(self, seconds: int) -> "ShareTimer":
        """Set the planned length (e.g. the suggested one); refused outside 1 to 60 minutes."""
        return replace(self, planned_seconds=seconds)

    def elapsed(self, now: float) -> float:
        """Seconds this share has run; a clock reading before the start counts as 0."""
        if self.running_since is None:
            return self.banked
        return self.banked + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once over time."""
        return self.planned_seconds - self.elapsed(now)

    def is_over(self, now: float) -> bool:
        return self.remaining(now) <= 0

    def state(self, now: float, warning_seconds: int = 60) -> TimerState:
        if self.paused:
            return TimerState.PAUSED
        remaining = self.remaining(now)
        if remaining <= 0:
            return TimerState.OVER
        if remaining <= warning_seconds:
            return TimerState.WARNING
        return TimerState.NORMAL

    def display(self, now: float) -> str:
        """'4:59' counting down, '+0:23' counting up once over time."""
        return format_countdown(self.remaining(now))

    def to_dict(self) -> dict:
        return {
            "planned_seconds": self.planned_seconds,
            "banked": self.banked,
            "running_since": self.running_since,
            "started": self.started,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "ShareTimer":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("timer"), _("is not an object"))
        return cls(
            planned_seconds=data.get("planned_seconds", 300),
            banked=data.get("banked", 0.0),
            running_since=data.get("running_since"),
            started=data.get("started", False),
        )


def format_countdown(remaining: float) -> str:
    """m:ss of the seconds left, rounded up so 5:00 shows for the whole first second; +m:ss over."""
    if remaining > 0:
        seconds = math.ceil(remaining)
        sign = ""
    else:
        seconds = math.floor(-remaining)
        sign = "+"
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class LastShare:
    """The share that just ended, kept in sight until the next one starts."""

    seconds: int  # its length, rounded as the statistics round it
    planned_seconds: int
    over: bool  # as the statistics and the clock count it: from the planned length on

    @property
    def over_by(self) -> int:
        """Whole seconds past its planned length (0 when it ended in time or right on it)."""
        return max(0, self.seconds - self.planned_seconds)

    def describe(self) -> str:
        """'last share 6:12, 1:12 over' or 'last share 4:50, in time'."""
        length = format_countdown(-self.seconds).removeprefix("+")
        if self.over:
            return _("last share {length}, {over} over").format(
                length=length, over=format_countdown(-self.over_by).removeprefix("+"))
        return _("last share {length}, in time").format(length=length)


@dataclass(frozen=True)
class ShareStats:
    """The meeting's anonymous share figures; field names match the history Record."""

    shares: int = 0
    share_seconds: int = 0
    over_time: int = 0
    passes: int = 0

    def __post_init__(self) -> None:
        for name in ("shares", "share_seconds", "over_time", "passes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, _("must be a whole number, 0 or more"))
        if self.over_time > self.shares:
            raise ValidationError(N_("over_time"), _("cannot be more than the number of shares"))

    def add_share(self, seconds: float, over: bool) -> "ShareStats":
        """Count one finished share of `seconds` (rounded to the nearest second)."""
        if not _number(seconds) or seconds < 0:
            raise ValidationError(N_("share length"), _("must be 0 or more seconds"))
        return replace(
            self,
            shares=self.shares + 1,
            share_seconds=self.share_seconds + whole_seconds(seconds),
            over_time=self.over_time + bool(over),
        )

    def add_pass(self) -> "ShareStats":
        return replace(self, passes=self.passes + 1)

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in ("shares", "share_seconds", "over_time", "passes")}

    @classmethod
    def from_dict(cls, data: Mapping) -> "ShareStats":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("share statistics"), _("is not an object"))
        return cls(**{name: data.get(name, 0) for name in ("shares", "share_seconds", "over_time", "passes")})


def whole_seconds(seconds: float) -> int:
    """Round half up, so a share's recorded length never depends on banker's rounding."""
    return math.floor(seconds + 0.5)
