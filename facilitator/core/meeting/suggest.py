"""The share length that lets everyone waiting share before the meeting closes."""

from facilitator.core.i18n import _
from facilitator.core.meeting.share_timer import MAX_PLANNED_SECONDS, MIN_PLANNED_SECONDS

CLOSING_RESERVE_SECONDS = 5 * 60


def suggested_share_seconds(
    time_left: float | None,
    waiting: int,
    *,
    reserve_seconds: float = CLOSING_RESERVE_SECONDS,
) -> int | None:
    """(time left - closing reserve) / people waiting, floored to whole minutes, in seconds.

    Whole minutes because the timer is adjusted a minute at a time and people hear
    "three minutes each", not "3:20". Never below 1 minute, even when time has run out
    (a share still needs a moment), nor above the timer's 60-minute ceiling. None when
    nobody waits or the meeting has no end time (`time_left` None). `time_left` counts
    from now to the meeting's end; the caller decides whether the share in progress
    is part of it.
    """
    if time_left is None or waiting <= 0:
        return None
    each = max(time_left - reserve_seconds, 0) / waiting
    minutes = int(each // 60)
    return min(max(minutes * 60, MIN_PLANNED_SECONDS), MAX_PLANNED_SECONDS)


def suggestion_basis(time_left: float, waiting: int, reserve_seconds: float,
                     after_share: bool = False) -> str:
    """The figure's reasons in one line: '8 waiting, 44 min left, 5 min closing'."""
    minutes = int(max(time_left, 0) // 60)
    if after_share:
        left = _("{minutes} min left after this share").format(minutes=minutes)
    else:
        left = _("{minutes} min left").format(minutes=minutes)
    closing = (_("{minutes} min closing").format(minutes=int(reserve_seconds // 60))
               if reserve_seconds else _("the closing sections kept"))
    # Translators: {left} is "44 min left", {closing} "5 min closing": why a share length.
    return _("{waiting} waiting, {left}, {closing}").format(waiting=waiting, left=left,
                                                              closing=closing)
