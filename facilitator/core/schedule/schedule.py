"""When meetings happen: weekly occurrences from dateutil's rrule, in the laptop's local time.

`now` is a local datetime. When it is aware (a `zoneinfo.ZoneInfo`, or any tzinfo that
follows PEP 495) occurrences are computed in that zone: a 19:00 meeting stays at 19:00 wall
time across a DST change, and lengths are real elapsed time (a 90-minute meeting that spans
the change still lasts 90 minutes). A naive `now` is taken as plain wall-clock time.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from itertools import islice

from dateutil.rrule import WEEKLY, rrule

from facilitator.core.calendar_words import weekday_abbr
from facilitator.core.i18n import _
from facilitator.core.schedule.meeting import Meeting

# Used to decide whether a meeting with no duration is still in progress.
ASSUMED_MINUTES = 60
# A meeting starting this soon counts as "now" when choosing which meeting to offer.
SOON = timedelta(hours=1)


def is_scheduled(meeting: Meeting) -> bool:
    """True when the meeting has weekday(s) and a start time."""
    return bool(meeting.days) and meeting.start is not None


def occurrences(meeting: Meeting, since: datetime) -> Iterator[datetime]:
    """Start times at or after `since`, in `since`'s zone; nothing when unscheduled."""
    if not is_scheduled(meeting):
        return
    zone = since.tzinfo
    wall = since.replace(tzinfo=None)
    # The rule runs on naive wall time from the day before, then each start is placed in
    # the zone, so a start in a skipped or repeated hour is resolved by the zone itself.
    rule = rrule(
        WEEKLY, byweekday=meeting.days, byhour=meeting.start.hour,
        byminute=meeting.start.minute, bysecond=0,
        dtstart=(wall - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0),
    )
    for start in rule:
        placed = _place(start, zone)
        if not _before(placed, since):
            yield placed


def next_occurrence(meeting: Meeting, now: datetime) -> datetime | None:
    """The next start at or after `now`, or None when the meeting has no schedule."""
    return next(occurrences(meeting, now), None)


def current_occurrence(meeting: Meeting, now: datetime) -> datetime | None:
    """The start of the occurrence in progress at `now` (started, not yet ended), if any."""
    length = timedelta(minutes=meeting.duration_minutes or ASSUMED_MINUTES)
    since = _add(now, -length)
    for start in islice(occurrences(meeting, since), 16):
        if _before(now, start):
            return None
        if _before(now, _add(start, length)):
            return start
    return None


def nearest_first(meetings: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Meetings in the order to offer them at `now`.

    First those in progress or starting within the hour (the start nearest to now first),
    then the others by their next start, then meetings without a schedule, by name.
    """
    def rank(meeting: Meeting) -> tuple:
        current = current_occurrence(meeting, now)
        upcoming = next_occurrence(meeting, now)
        if current is not None or (upcoming is not None and _gap(now, upcoming) <= SOON):
            starts = [s for s in (current, upcoming) if s is not None]
            distance = min(abs(_gap(now, start)) for start in starts)
            return (0, distance, meeting.key)
        if upcoming is not None:
            return (1, _gap(now, upcoming), meeting.key)
        return (2, timedelta(0), meeting.key)

    return sorted(meetings, key=rank)


def describe_next(meeting: Meeting, now: datetime) -> str:
    """'in progress since 19:00', 'next Tue 2026-11-24 19:00' or '' when unscheduled."""
    current = current_occurrence(meeting, now) if meeting.duration_minutes else None
    if current is not None:
        return _("in progress since {time}").format(time=f"{current:%H:%M}")
    upcoming = next_occurrence(meeting, now)
    if upcoming is None:
        return ""
    weekday = weekday_abbr(upcoming)
    # Translators: {day} is a short weekday ("Tue"), then the date and time, ISO.
    return _("next {day} {when}").format(day=weekday, when=f"{upcoming:%Y-%m-%d %H:%M}")


def _place(wall: datetime, zone) -> datetime:
    """Naive wall time -> the same instant in `zone`, normalised (skipped hours move on)."""
    if zone is None:
        return wall
    return wall.replace(tzinfo=zone).astimezone(timezone.utc).astimezone(zone)


def _add(moment: datetime, length: timedelta) -> datetime:
    """`moment + length` in elapsed time (aware arithmetic in Python is wall-clock)."""
    if moment.tzinfo is None:
        return moment + length
    return (moment.astimezone(timezone.utc) + length).astimezone(moment.tzinfo)


def _gap(earlier: datetime, later: datetime) -> timedelta:
    """Elapsed time from `earlier` to `later`."""
    if earlier.tzinfo is None:
        return later - earlier
    return later.astimezone(timezone.utc) - earlier.astimezone(timezone.utc)


def _before(a: datetime, b: datetime) -> bool:
    return _gap(a, b) > timedelta(0)
