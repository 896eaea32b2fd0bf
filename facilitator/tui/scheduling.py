"""Which meeting is most likely the one about to be run."""

from datetime import datetime, timedelta

from facilitator.core.meeting import Meeting


def nearest_first(meetings: list[Meeting], now: datetime) -> list[Meeting]:
    """Meetings ordered by how far their nearest start (past or future) is from now."""

    def distance(meeting: Meeting) -> float:
        if not meeting.days or meeting.start is None:
            return float("inf")
        best = float("inf")
        for offset in range(-7, 8):
            day = (now + timedelta(days=offset)).date()
            if day.weekday() in meeting.days:
                start = datetime.combine(day, meeting.start)
                gap = (start - now).total_seconds()
                length = (meeting.duration_minutes or 60) * 60
                if -length <= gap <= 0:
                    gap = 0  # in progress
                best = min(best, abs(gap))
        return best

    return sorted(meetings, key=lambda m: (distance(m), m.key))
