"""Built-in formats a group starts from. Placeholder prompts only: readings are the group's own.

A copy is made in the language in use; from then on its titles and notes are the group's own
words (data), kept as they were saved.
"""

from facilitator.core.i18n import N_, _
from facilitator.core.meeting.agenda import Format
from facilitator.core.errors import ValidationError

_DISCUSSION = [
    {"title": N_("Opening"), "minutes": 2,
     "note": N_("Welcome everyone. Read your group's preamble here.")},
    {"title": N_("Moment of silence"), "minutes": 1},
    {"title": N_("Readings"), "minutes": 5, "note": N_("Read your group's chosen readings here.")},
    {"title": N_("Announcements"), "minutes": 3},
    {"title": N_("Chips"), "minutes": 3, "kind": "chips",
     "note": N_("Ask who is celebrating a milestone today.")},
    {"title": N_("7th tradition"), "minutes": 3, "kind": "collection"},
    {"title": N_("Shares"), "minutes": 40, "kind": "shares"},
    {"title": N_("Closing"), "minutes": 3, "note": N_("Close the way your group closes.")},
]

_SPEAKER = [
    {"title": N_("Opening"), "minutes": 3,
     "note": N_("Welcome everyone. Read your group's preamble here.")},
    {"title": N_("Moment of silence"), "minutes": 1},
    {"title": N_("Readings"), "minutes": 4, "note": N_("Read your group's chosen readings here.")},
    {"title": N_("Announcements"), "minutes": 2},
    {"title": N_("Chips"), "minutes": 2, "kind": "chips"},
    {"title": N_("7th tradition"), "minutes": 2, "kind": "collection"},
    {"title": N_("Speaker"), "minutes": 25, "kind": "speaker",
     "note": N_("Introduce the speaker; their share has its own, longer timer.")},
    {"title": N_("Shares"), "minutes": 18, "kind": "shares"},
    {"title": N_("Closing"), "minutes": 3, "note": N_("Close the way your group closes.")},
]

_SMART = [
    {"title": N_("Welcome"), "minutes": 5, "note": N_("Read your group's opening statement here.")},
    {"title": N_("Check-in"), "minutes": 15, "kind": "shares"},
    {"title": N_("Agenda"), "minutes": 3},
    {"title": N_("Working time"), "minutes": 45},
    {"title": N_("Pass the hat"), "minutes": 3, "kind": "collection"},
    {"title": N_("Check-out"), "minutes": 15, "kind": "shares"},
]

# A group conscience: reports, then motions (core/business) in old and new business.
_BUSINESS = [
    {"title": N_("Opening"), "minutes": 3,
     "note": N_("Open the way your group opens its business meeting.")},
    {"title": N_("Secretary's report"), "minutes": 5, "kind": "report",
     "note": N_("Attendance since the last business meeting; read the last minutes.")},
    {"title": N_("Treasurer's report"), "minutes": 5, "kind": "report"},
    {"title": N_("GSR / intergroup report"), "minutes": 5, "kind": "report"},
    {"title": N_("7th tradition"), "minutes": 2, "kind": "collection"},
    {"title": N_("Old business"), "minutes": 15, "kind": "business",
     "note": N_("Motions tabled at the last business meeting come first.")},
    {"title": N_("New business"), "minutes": 20, "kind": "business"},
    {"title": N_("Closing"), "minutes": 2, "note": N_("Close the way your group closes.")},
]

TEMPLATES = {"discussion": _DISCUSSION, "speaker": _SPEAKER, "smart": _SMART,
             "business": _BUSINESS}
TEMPLATE_NAMES = tuple(TEMPLATES)


def template(name: str) -> Format:
    """A fresh copy of a built-in format: discussion, speaker or smart."""
    try:
        sections = TEMPLATES[name.strip().lower()]
    except KeyError:
        raise ValidationError(N_("template"), _("{name} is not one of {names}").format(
            name=repr(name[:20]), names=", ".join(TEMPLATE_NAMES))) from None
    return Format.from_list([_translated(section) for section in sections])


def _translated(section: dict) -> dict:
    """`section` with its built-in title and note in the language in use."""
    words = {key: _(section[key]) for key in ("title", "note") if key in section}
    return {**section, **words}
