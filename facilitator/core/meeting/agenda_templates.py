"""Built-in formats a group starts from. Placeholder prompts only: readings are the group's own."""

from facilitator.core.meeting.agenda import Format
from facilitator.core.errors import ValidationError

_DISCUSSION = [
    {"title": "Opening", "minutes": 2, "note": "Welcome everyone. Read your group's preamble here."},
    {"title": "Moment of silence", "minutes": 1},
    {"title": "Readings", "minutes": 5, "note": "Read your group's chosen readings here."},
    {"title": "Announcements", "minutes": 3},
    {"title": "Chips", "minutes": 3, "kind": "chips",
     "note": "Ask who is celebrating a milestone today."},
    {"title": "7th tradition", "minutes": 3, "kind": "collection"},
    {"title": "Shares", "minutes": 40, "kind": "shares"},
    {"title": "Closing", "minutes": 3, "note": "Close the way your group closes."},
]

_SPEAKER = [
    {"title": "Opening", "minutes": 3, "note": "Welcome everyone. Read your group's preamble here."},
    {"title": "Moment of silence", "minutes": 1},
    {"title": "Readings", "minutes": 4, "note": "Read your group's chosen readings here."},
    {"title": "Announcements", "minutes": 2},
    {"title": "Chips", "minutes": 2, "kind": "chips"},
    {"title": "7th tradition", "minutes": 2, "kind": "collection"},
    {"title": "Speaker", "minutes": 25, "kind": "speaker",
     "note": "Introduce the speaker; their share has its own, longer timer."},
    {"title": "Shares", "minutes": 18, "kind": "shares"},
    {"title": "Closing", "minutes": 3, "note": "Close the way your group closes."},
]

_SMART = [
    {"title": "Welcome", "minutes": 5, "note": "Read your group's opening statement here."},
    {"title": "Check-in", "minutes": 15, "kind": "shares"},
    {"title": "Agenda", "minutes": 3},
    {"title": "Working time", "minutes": 45},
    {"title": "Pass the hat", "minutes": 3, "kind": "collection"},
    {"title": "Check-out", "minutes": 15, "kind": "shares"},
]

# A group conscience: reports, then motions (core/business) in old and new business.
_BUSINESS = [
    {"title": "Opening", "minutes": 3,
     "note": "Open the way your group opens its business meeting."},
    {"title": "Secretary's report", "minutes": 5, "kind": "report",
     "note": "Attendance since the last business meeting; read the last minutes."},
    {"title": "Treasurer's report", "minutes": 5, "kind": "report"},
    {"title": "GSR / intergroup report", "minutes": 5, "kind": "report"},
    {"title": "7th tradition", "minutes": 2, "kind": "collection"},
    {"title": "Old business", "minutes": 15, "kind": "business",
     "note": "Motions tabled at the last business meeting come first."},
    {"title": "New business", "minutes": 20, "kind": "business"},
    {"title": "Closing", "minutes": 2, "note": "Close the way your group closes."},
]

TEMPLATES = {"discussion": _DISCUSSION, "speaker": _SPEAKER, "smart": _SMART,
             "business": _BUSINESS}
TEMPLATE_NAMES = tuple(TEMPLATES)


def template(name: str) -> Format:
    """A fresh copy of a built-in format: discussion, speaker or smart."""
    try:
        return Format.from_list(TEMPLATES[name.strip().lower()])
    except KeyError:
        raise ValidationError("template", f"{name[:20]!r} is not one of "
                              f"{', '.join(TEMPLATE_NAMES)}") from None
