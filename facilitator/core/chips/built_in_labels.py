"""The words of the ladders shipped with facilitator, marked for the catalog.

The built-in ladders are JSON (facilitator/data/ladders), which the catalog's extraction does
not read: each title, label and colour they use is listed here, and a built-in ladder is
shown in the language in use through `in_language`. A group's own ladder file is its own
words and is shown as written. A unit test fails when a built-in file uses a word missing
here.
"""

from dataclasses import replace

from facilitator.core.chips.milestones import Ladder, Milestone
from facilitator.core.i18n import N_, _

TITLES = (N_("AA chips"), N_("NA keytags"), N_("Monthly chips"))
# Translators: a chip's label; "24 hours" is the chip for the first day.
LABELS = (
    N_("24 hours"), N_("welcome"), N_("30 days"), N_("60 days"), N_("90 days"),
    N_("1 month"), N_("2 months"), N_("3 months"), N_("4 months"), N_("5 months"),
    N_("6 months"), N_("7 months"), N_("8 months"), N_("9 months"), N_("10 months"),
    N_("11 months"), N_("1 year"), N_("18 months"),
    # Translators: the yearly chips' label; {n} is a number of years, 2 or more.
    N_("{n} years"),
    N_("multiple years (black)"),
)
# Translators: a keytag's colour, shown after its label: "30 days (orange)".
COLOURS = (
    N_("white"), N_("orange"), N_("green"), N_("red"), N_("blue"), N_("yellow"),
    N_("glow-in-the-dark"), N_("grey"), N_("black"),
)


def in_language(ladder: Ladder) -> Ladder:
    """A built-in ladder with its title, labels and colours in the language in use."""
    yearly = ladder.every_year
    if yearly is not None:
        yearly = replace(yearly, label=_(yearly.label), colour=_optional(yearly.colour),
                         stock_label=_optional(yearly.stock_label))
    return replace(ladder, title=_(ladder.title), every_year=yearly,
                   milestones=tuple(_milestone(m) for m in ladder.milestones))


def _milestone(milestone: Milestone) -> Milestone:
    return replace(milestone, label=_(milestone.label), colour=_optional(milestone.colour))


def _optional(word: str | None) -> str | None:
    return _(word) if word else word
