"""Meeting action of the chip ceremony: one chip or keytag given, counted by milestone key.

Only the count is kept (never who received it); undo takes a chip back like any action.
"""

from dataclasses import replace
from types import MappingProxyType

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.chips.milestones import KEY_PATTERN
from facilitator.core.meeting.actions import Chip
from facilitator.core.meeting.session import MeetingSession

MAX_CHIPS_PER_MILESTONE = 10_000


def chip(session: MeetingSession, action: Chip, t: float) -> MeetingSession:
    key = action.key
    if not KEY_PATTERN.fullmatch(key):
        raise ValidationError(N_("chip"), _("{key} is not a milestone key, e.g. 30d").format(
            key=repr(str(key)[:40])))
    given = session.chips.get(key, 0) + 1
    if given > MAX_CHIPS_PER_MILESTONE:
        raise ValidationError(N_("chip"), _("more than {n} {key} chips in one meeting").format(
            n=f"{MAX_CHIPS_PER_MILESTONE:,}", key=key))
    return replace(session, chips=MappingProxyType({**session.chips, key: given}))
