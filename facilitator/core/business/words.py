"""The words shown for the business floor's stored values: thresholds, kinds of motion,
stages and outcomes. The values stay English where they are kept (the journal, the minutes'
JSON, the settings); only what a person reads is translated, when it is shown."""

from facilitator.core.i18n import _, pgettext


def threshold_label(threshold: str) -> str:
    """'majority', 'two-thirds', 'unanimous' as the language says them."""
    return {
        # Translators: a motion's threshold, after "needs" or in "Vote (…)".
        "majority": _("majority"),
        "two-thirds": _("two-thirds"),
        "unanimous": _("unanimous"),
    }.get(threshold, threshold)


def kind_label(kind: str) -> str:
    """A kind of motion (the group sets a threshold for each)."""
    return {
        "ordinary": pgettext("motion kind", "ordinary"),
        "spending": pgettext("motion kind", "spending"),
        "format": pgettext("motion kind", "format"),
        "traditions": pgettext("motion kind", "traditions"),
    }.get(kind, kind)


def outcome_label(outcome: str) -> str:
    """What became of a motion, or where it stands: 'carried', 'tabled', 'discussion' …"""
    return {
        # Translators: a motion's outcome or stage (una moción: aprobada, rechazada …).
        "carried": pgettext("motion", "carried"),
        "failed": pgettext("motion", "failed"),
        "tabled": pgettext("motion", "tabled"),
        "withdrawn": pgettext("motion", "withdrawn"),
        "decided": pgettext("motion", "decided"),
        "discussion": pgettext("motion", "discussion"),
        "result": pgettext("motion", "result"),
        "minority opinion": pgettext("motion", "minority opinion"),
        "reconsidering": pgettext("motion", "reconsidering"),
    }.get(outcome, outcome)
