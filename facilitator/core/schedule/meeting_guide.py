"""Meetings from a Meeting Guide JSON feed (the format of the Meeting Guide app and 12 Step
Meeting List), already decoded: each entry checked, bad ones reported by index and name.

Feed days are 0 (Sunday) to 6 (Saturday); `Meeting.days` are Python weekdays (Monday 0).
Notes are checked but not kept: free text may name people, and the database holds no names.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.text_out import echo

_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?")


@dataclass(frozen=True)
class FeedResult:
    """The good entries as meetings, one line per bad entry, one per dropped type code list."""

    meetings: tuple[Meeting, ...]
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    entries: int


def guide_day_to_weekday(day: int) -> int:
    """Meeting Guide 0 = Sunday … 6 = Saturday -> Python 0 = Monday … 6 = Sunday."""
    return (day + 6) % 7


def parse_feed(data: object, known_types: frozenset[str], existing: Iterable[str] = ()) -> FeedResult:
    """Check every entry of a decoded feed; `existing` are names already in the database."""
    if not isinstance(data, list):
        raise ValidationError(N_("feed"), _("must be a JSON list of meetings"))
    already = _("is already a meeting in the database")
    taken = {name.casefold(): already for name in existing}
    slugs: dict[str, str] = {}  # each slug, and the entry that used it first
    meetings, problems, warnings = [], [], []
    for index, entry in enumerate(data):
        label = _entry_label(index, _shown_name(entry))
        try:
            _check_slug(entry, label, slugs)
            meeting, unknown = convert_entry(entry, known_types)
            if meeting.key in taken:
                raise ValidationError("name", taken[meeting.key])
        except ValidationError as error:
            problems.append(_("{field}: {reason}").format(field=label, reason=error))
            continue
        taken[meeting.key] = _("is the same as index {index}").format(index=index)
        meetings.append(meeting)
        if unknown:
            warnings.append(_("{entry}: unknown type codes {codes} (left out)").format(
                entry=label, codes=", ".join(unknown)))
    return FeedResult(tuple(meetings), tuple(problems), tuple(warnings), len(data))


def _entry_label(index: int, name: str) -> str:
    """An entry of the feed as messages name it: 'index 3' or "index 3 'Tuesday Night'"."""
    if name:
        # Translators: an entry of a Meeting Guide feed, by its place and its name.
        return _("index {index} {name}").format(index=index, name=name)
    return _("index {index}").format(index=index)


def _check_slug(entry: object, label: str, slugs: dict[str, str]) -> None:
    """A slug names one meeting in the feed: a second entry with it is refused, naming both."""
    slug = entry.get("slug") if isinstance(entry, dict) else None
    if not isinstance(slug, str) or not slug.strip():
        return  # convert_entry names what is wrong with it
    key = slug.strip().casefold()
    if key in slugs:
        raise ValidationError("slug",
                              _("{slug} is also the slug of {entry}").format(
                                  slug=_short(slug.strip(), 40), entry=slugs[key]))
    slugs[key] = label


def convert_entry(entry: object, known_types: frozenset[str]) -> tuple[Meeting, list[str]]:
    """One feed entry -> (Meeting, unknown type codes); ValidationError names the field."""
    if not isinstance(entry, dict):
        raise ValidationError("entry", _("is not an object"))
    for required in ("name", "slug"):
        value = entry.get(required)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(required, _("is missing") if value is None
                                  else _("must be non-empty text"))
    notes = entry.get("notes")
    if notes is not None and not isinstance(notes, str):
        raise ValidationError("notes", _("must be text"))
    start = _clock(entry, "time")
    end = _clock(entry, "end_time")
    duration = None
    if end is not None:
        if start is None:
            raise ValidationError("end_time", _("is given without a time"))
        # An end earlier than the start is past midnight.
        duration = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) % (24 * 60)
        if duration == 0:
            raise ValidationError("end_time", _("is the same as time"))
    types, unknown = _types(entry.get("types"), known_types)
    meeting = Meeting(name=entry["name"], days=_days(entry.get("day")), start=start,
                      duration_minutes=duration, types=types)
    return meeting, unknown


def _days(value: object) -> tuple[int, ...]:
    values = value if isinstance(value, list) else [] if value is None else [value]
    days = set()
    for day in values:
        if isinstance(day, str) and day.strip().isdigit():
            day = int(day)
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValidationError("day", _("{day} is not 0 (Sunday) to 6 (Saturday)").format(
                day=_short(day)))
        days.add(guide_day_to_weekday(day))
    return tuple(sorted(days))


def _clock(entry: dict, field: str) -> time | None:
    value = entry.get(field)
    if value is None or value == "":
        return None
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValidationError(field, _("{value} is not HH:MM (24-hour)").format(
            value=_short(value)))
    return time(int(match[1]), int(match[2]))


def _types(value: object, known: frozenset[str]) -> tuple[tuple[str, ...], list[str]]:
    if value is None:
        return (), []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError("types", _("must be a list of type codes"))
    spelled = {code.upper(): code for code in known}
    codes, unknown = [], []
    for code in dict.fromkeys(code.strip().upper() for code in value if code.strip()):
        if code in spelled:
            codes.append(spelled[code])
        else:
            unknown.append(code if code.isalnum() and len(code) <= 12 else _short(code))
    return tuple(codes), unknown


def _shown_name(entry: object) -> str:
    name = entry.get("name") if isinstance(entry, dict) else None
    return _short(name.strip(), 40) if isinstance(name, str) and name.strip() else ""


def _short(value: object, limit: int = 20) -> str:
    return echo(value, limit)
