"""The Settings screen's business meeting fields: each speaker's minutes on a motion, and the
threshold the group set for each kind of motion."""

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.settings import (DISCUSSION_MINUTES_LIMIT, MOTION_KINDS,
                                       MOTION_THRESHOLDS, GroupSettings, checked_thresholds)
from facilitator.tui.plain_text import plain_text


def business_fields(settings: GroupSettings) -> ComposeResult:
    """The fields, filled with the group's values."""
    yield Label(plain_text(f"Minutes for each speaker on a motion (1 to "
                           f"{DISCUSSION_MINUTES_LIMIT})"))
    yield Input(str(settings.discussion_minutes), id="discussion-minutes")
    for kind in MOTION_KINDS:
        yield Label(plain_text(f"{'An' if kind[0] in 'aeiou' else 'A'} {kind} motion needs"))
        yield Select([(threshold, threshold) for threshold in MOTION_THRESHOLDS],
                     value=settings.threshold_for(kind), allow_blank=False,
                     id=f"threshold-{kind}")


def business_values(screen) -> dict:
    """The fields' values for `GroupSettings.edit`, through the strict parsers."""
    minutes = validate.count("discussion minutes", screen.query_one("#discussion-minutes",
                                                                    Input).value.strip(),
                             maximum=DISCUSSION_MINUTES_LIMIT)
    if minutes < 1:
        raise ValidationError("discussion minutes",
                              f"must be from 1 to {DISCUSSION_MINUTES_LIMIT}")
    chosen = [(kind, screen.query_one(f"#threshold-{kind}", Select).value)
              for kind in MOTION_KINDS]
    return {"discussion_minutes": minutes, "motion_thresholds": checked_thresholds(chosen)}
