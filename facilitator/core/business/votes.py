"""A vote by show of hands: the counts, the threshold it needed, the result and its arithmetic.

Thresholds, decided in whole numbers (never floats):
- `majority`: more for than against (a tie fails);
- `two-thirds`: 3 x for >= 2 x (for + against);
- `unanimous`: nobody against.
Every threshold also needs at least one vote for; abstentions count in neither side. The
percentages shown in the arithmetic line are only for reading: they get as many decimals as
it takes for the line to agree with the whole-number decision.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from facilitator.core import validate
from facilitator.core.business.words import outcome_label
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, locale, ngettext
from facilitator.core.text_out import echo

THRESHOLDS = ("majority", "two-thirds", "unanimous")
MAX_VOTES = 100_000
_SHARE = {"majority": Fraction(1, 2), "two-thirds": Fraction(2, 3)}


def threshold_of(value: object, field: str = "threshold") -> str:
    """One of THRESHOLDS, as typed in any case; a ValidationError naming `field` otherwise."""
    name = value.strip().lower() if isinstance(value, str) else value
    if name not in THRESHOLDS:
        raise ValidationError(field, _("must be one of {choices}, not {value}").format(
            choices=", ".join(THRESHOLDS), value=echo(value)))
    return name


@dataclass(frozen=True)
class Vote:
    """The hands counted for, against and abstaining, and the threshold the motion needed."""

    for_: int
    against: int
    abstain: int = 0
    threshold: str = "majority"

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        for name, field in (("for_", "for"), ("against", "against"), ("abstain", "abstain")):
            set_(self, name, validate.count(field, getattr(self, name), maximum=MAX_VOTES))
        set_(self, "threshold", threshold_of(self.threshold))

    @property
    def voting(self) -> int:
        """Those who voted for or against (abstentions count in neither)."""
        return self.for_ + self.against

    @property
    def hands(self) -> int:
        """Everyone counted, abstentions included: at most the attendance."""
        return self.voting + self.abstain

    @property
    def carried(self) -> bool:
        if self.for_ == 0:
            return False
        if self.threshold == "majority":
            return self.for_ > self.against
        if self.threshold == "two-thirds":
            return 3 * self.for_ >= 2 * self.voting
        return self.against == 0

    @property
    def unanimous(self) -> bool:
        """Nobody on the losing side: no minority to invite to speak."""
        return self.against == 0 if self.carried else self.for_ == 0

    @property
    def result(self) -> str:
        return "carried" if self.carried else "failed"

    @property
    def counts(self) -> str:
        """'14 for, 6 against' (', 2 abstaining' when anyone abstained)."""
        # Counts as digits, as the arithmetic beside them (no thousands separator).
        hands = {"for_": self.for_, "against": self.against, "abstain": self.abstain}
        if not self.abstain:
            # Translators: the hands counted in a vote.
            return _("{for_} for, {against} against").format(**hands)
        return ngettext("{for_} for, {against} against, {abstain} abstaining",
                        "{for_} for, {against} against, {abstain} abstaining",
                        self.abstain).format(**hands)

    @property
    def arithmetic(self) -> str:
        """The result with its working: '14 for, 6 against: 70% of 20 ≥ 66.7% — carried'."""
        # Translators: "14 for, 6 against: 70% of 20 ≥ 66.7% — carried".
        return _("{counts}: {working} — {result}").format(
            counts=self.counts, working=self._working(), result=outcome_label(self.result))

    def _working(self) -> str:
        if self.for_ == 0:
            return _("no vote for")
        if self.threshold == "unanimous":
            return _("nobody against") if self.against == 0 else (
                _("{against} against, unanimity needed").format(against=self.against))
        needed = _SHARE[self.threshold]
        share = Fraction(self.for_, self.voting)
        passes = share >= needed if self.threshold == "two-thirds" else share > needed
        relation = (("≥" if self.threshold == "two-thirds" else ">") if passes
                    else ("<" if self.threshold == "two-thirds" else "≤"))
        shown, limit = _percents(share, needed, relation)
        # Translators: "70% of 20 ≥ 66.7%": the share of those voting, and the share needed.
        return _("{share} of {voting} {relation} {needed}").format(
            share=_shown_percent(shown), voting=self.voting, relation=relation,
            needed=_shown_percent(limit))

    def to_dict(self) -> dict:
        return {"for": self.for_, "against": self.against, "abstain": self.abstain,
                "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: object) -> "Vote":
        if not isinstance(data, Mapping):
            raise ValidationError(N_("vote"), _("is not an object"))
        for key in ("for", "against", "threshold"):
            if key not in data:
                raise ValidationError(f"vote, {key}", _("is missing"))
        if isinstance(data.get("for"), str) or isinstance(data.get("against"), str):
            raise ValidationError(N_("vote"), _("counts are stored as numbers"))
        return cls(data["for"], data["against"], data.get("abstain", 0), data["threshold"])


def _percents(share: Fraction, needed: Fraction, relation: str) -> tuple[str, str]:
    """`share` and `needed` as percentages with the fewest decimals (one at least shown when
    not whole) at which the shown numbers still read true with `relation`."""
    for decimals in range(1, 12):
        shown, limit = _percent(share, decimals), _percent(needed, decimals)
        a, b = float(shown.rstrip("%")), float(limit.rstrip("%"))
        if {"≥": a >= b, ">": a > b, "<": a < b, "≤": a <= b}[relation]:
            return shown, limit
    return _percent(share, 12), _percent(needed, 12)


def _percent(value: Fraction, decimals: int) -> str:
    """70% / 66.7%: rounded half up to `decimals`, trailing zeros dropped."""
    scaled = value * 100 * 10 ** decimals
    rounded = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    whole, part = divmod(rounded, 10 ** decimals)
    text = f"{whole}.{part:0{decimals}d}".rstrip("0").rstrip(".")
    return f"{text}%"


def _shown_percent(percent: str) -> str:
    """'66.7%' with the locale's decimal sign ('66,7%' in Spanish)."""
    return percent.replace(".", locale().number_symbols["latn"]["decimal"])


def check_against_attendance(vote: Vote, attendance: int) -> str | None:
    """Refuse more hands than people signed in; with nobody signed in, a warning to show."""
    if attendance <= 0:
        # Translators: {n} is the number of hands counted (English says "hands" for one too).
        return ngettext("nobody signed in: {n} hands counted could not be checked against "
                        "the attendance", "nobody signed in: {n} hands counted could not be "
                        "checked against the attendance", vote.hands).format(
            n=vote.hands) if vote.hands else None
    if vote.hands > attendance:
        raise ValidationError(N_("votes"), _(
            "{hands} hands (for, against and abstaining) are more than the attendance "
            "({attendance})").format(hands=vote.hands, attendance=attendance))
    return None
