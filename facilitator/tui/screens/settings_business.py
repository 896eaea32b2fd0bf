"""The Settings screen's business meeting fields: each speaker's minutes on a motion, and the
threshold the group set for each kind of motion."""

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from facilitator.core import validate
from facilitator.core.business.words import threshold_label
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.settings import (DISCUSSION_MINUTES_LIMIT, MOTION_KINDS,
                                       MOTION_THRESHOLDS, GroupSettings, checked_thresholds)
from facilitator.tui.plain_text import plain_text


def business_fields(settings: GroupSettings) -> ComposeResult:
    """The fields, filled with the group's values."""
    yield Label(plain_text(_("Minutes for each speaker on a motion (1 to {limit})").format(
        limit=DISCUSSION_MINUTES_LIMIT)))
    yield Input(str(settings.discussion_minutes), id="discussion-minutes")
    for kind in MOTION_KINDS:
        yield Label(plain_text(needs_label(kind)))
        yield Select([(threshold_label(threshold), threshold) for threshold in MOTION_THRESHOLDS],
                     value=settings.threshold_for(kind), allow_blank=False,
                     id=f"threshold-{kind}")


def needs_label(kind: str) -> str:
    """The label of a kind's threshold, one whole sentence per kind of motion."""
    return {"ordinary": _("An ordinary motion needs"),
            "spending": _("A spending motion needs"),
            "format": _("A format motion needs"),
            "traditions": _("A traditions motion needs")}.get(kind, kind)


def business_values(screen) -> dict:
    """The fields' values for `GroupSettings.edit`, through the strict parsers."""
    minutes = validate.count(N_("discussion minutes"), screen.query_one("#discussion-minutes",
                                                                    Input).value.strip(),
                             maximum=DISCUSSION_MINUTES_LIMIT)
    if minutes < 1:
        raise ValidationError(N_("discussion minutes"), _("must be from 1 to {limit}").format(
            limit=DISCUSSION_MINUTES_LIMIT))
    chosen = [(kind, screen.query_one(f"#threshold-{kind}", Select).value)
              for kind in MOTION_KINDS]
    return {"discussion_minutes": minutes, "motion_thresholds": checked_thresholds(chosen)}
