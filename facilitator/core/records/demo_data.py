"""A year of made-up but plausible records for three weekly meetings, to explore the app.

Seeded, so the same seed and day give the same data. Attendance follows the seasons that
groups report (a January rise, a summer and December dip) and grows a little over the year.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import WEEKLY, rrule

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record


@dataclass(frozen=True)
class _Profile:
    """How a demo meeting usually goes."""

    meeting: Meeting
    typical: int  # people on an ordinary week
    online_share: float  # part of the room that joins online (hybrid meetings)
    speaker_minutes: int  # time given to a main speaker before the shares


PROFILES = (
    _Profile(Meeting("Tuesday Night Discussion", days=(1,), start=time(19, 0),
                     duration_minutes=60, types=("O", "D"), share_minutes=5), 22, 0.0, 0),
    _Profile(Meeting("Saturday Morning Speaker", days=(5,), start=time(10, 0),
                     duration_minutes=60, types=("O", "SP"), share_minutes=4), 34, 0.2, 20),
    _Profile(Meeting("Sunday Step Study", days=(6,), start=time(18, 0), duration_minutes=90,
                     types=("C", "ST"), share_minutes=4, queue_mode="round"), 14, 0.0, 0),
)
_SEASON = {1: 1.15, 2: 1.08, 3: 1.03, 7: 0.92, 8: 0.9, 11: 0.97, 12: 0.88}
_CHIP_ODDS = (("24h", 0.12), ("30d", 0.14), ("60d", 0.09), ("90d", 0.09), ("6m", 0.07),
              ("9m", 0.05), ("1y", 0.08), ("18m", 0.04), ("2y", 0.05), ("5y", 0.03),
              ("10y", 0.015))
_NOTES = ("Group conscience after the meeting", "Room change: upstairs hall",
          "Coffee maker replaced", "Literature order arrived")
_CLOSED = {(12, 25), (1, 1)}


def demo_data(seed: int, today: date) -> tuple[list[Meeting], list[Record]]:
    """The demo meetings and their records for the year before `today`, oldest first."""
    rng = random.Random(seed)
    first = today - relativedelta(years=1)
    records = []
    for profile in PROFILES:
        meeting = profile.meeting
        days = rrule(WEEKLY, byweekday=meeting.days, dtstart=datetime.combine(first, time()),
                     until=datetime.combine(today - timedelta(days=1), time()))
        for moment in days:
            day = moment.date()
            if (day.month, day.day) in _CLOSED or rng.random() < 0.03:
                continue  # holidays and the odd cancelled meeting
            growth = 1 + 0.1 * (day - first).days / 365
            records.append(_occurrence(rng, profile, day, growth))
    records.sort(key=lambda r: (r.date, r.meeting))
    return [p.meeting for p in PROFILES], records


def _occurrence(rng: random.Random, profile: _Profile, day: date, growth: float) -> Record:
    meeting = profile.meeting
    expected = profile.typical * _SEASON.get(day.month, 1.0) * growth
    attendance = max(3, round(rng.gauss(expected, expected * 0.12)))
    newcomer_odds = 0.07 if day.month == 1 else 0.045
    newcomers = sum(rng.random() < newcomer_odds for _ in range(attendance))
    visitors = min(attendance - newcomers, sum(rng.random() < 0.04 for _ in range(attendance)))
    online = min(attendance, round(attendance * profile.online_share * rng.uniform(0.6, 1.3)))
    share_length = meeting.share_minutes * 60
    room_minutes = meeting.duration_minutes - 15 - profile.speaker_minutes
    passes = min(attendance, rng.choice((0, 0, 0, 1, 1, 2)))
    shares = max(0, min(attendance - passes,
                        room_minutes // meeting.share_minutes + rng.randint(-2, 1)))
    lengths = [min(round(share_length * 1.6), max(30, round(rng.gauss(share_length * 0.9, 45))))
               for _ in range(shares)]
    chips = {key: n for key, odds in _CHIP_ODDS
             if (n := sum(rng.random() < odds for _ in range(1 + attendance // 25)))}
    in_room = attendance - online
    collection = sum(rng.choice((0, 100, 100, 200, 200, 500)) for _ in range(in_room)) // 25 * 25
    start = datetime.combine(day, meeting.start)
    end = start + timedelta(minutes=meeting.duration_minutes + rng.randint(-3, 6))
    note = rng.choice(_NOTES) if rng.random() < 0.04 else ""
    return Record(
        meeting=meeting.name, date=day, attendance=attendance, newcomers=newcomers,
        visitors=visitors, online=online, shares=shares, share_seconds=sum(lengths),
        over_time=sum(length > share_length for length in lengths), passes=passes,
        chips=chips, collection=collection, currency="USD", start=start.time(),
        end=end.time(), note=note,
    )
