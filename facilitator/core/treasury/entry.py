"""One ledger entry besides the meetings' collections: an expense, a contribution sent to a
service body, other income, or the opening balance. Money is whole cents, never a float."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, pgettext
from facilitator.core.money import MAX_CENTS
from facilitator.core.records.record_fields import Day, Money
from facilitator.core.settings import RECIPIENT_LIMIT

KINDS = ("opening", "income", "expense", "contribution")
EXPENSE_CATEGORIES = ("rent", "literature", "chips and keytags", "refreshments", "other")
CATEGORY_LIMIT = 40
MEMO_LIMIT = 200
CHIPS_CATEGORY = "chips and keytags"

_DAY = Day()
_MONEY = Money(MAX_CENTS)


@dataclass(frozen=True)
class Entry:
    """A checked ledger entry: it can only exist when every value is valid."""

    kind: str
    date: date
    amount: int  # cents
    category: str = ""  # an expense's or income's category
    to: str = ""  # the service body a contribution went to
    memo: str = ""  # the group's words; no names

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(N_("kind"), _("must be one of {choices}").format(
                choices=", ".join(KINDS)))
        _DAY.check("date", self.date)
        amount = _MONEY.check("amount", self.amount)
        if amount == 0 and self.kind != "opening":
            raise ValidationError(N_("amount"), _("must be more than 0.00"))
        object.__setattr__(self, "amount", amount)
        category = validate.text(N_("category"), self.category, maximum=CATEGORY_LIMIT,
                                 required=self.kind == "expense")
        to = validate.text(pgettext("recipient", "to"), self.to, maximum=RECIPIENT_LIMIT,
                           required=self.kind == "contribution")
        if self.kind in ("opening", "contribution") and category:
            raise ValidationError(N_("category"), _("goes with an expense or income, not {kind}")
                                  .format(kind=self.kind))
        if self.kind != "contribution" and to:
            raise ValidationError(pgettext("recipient", "to"), _("goes with a contribution only"))
        if self.kind == "income" and not category:
            category = "other"
        object.__setattr__(self, "category", _known_spelling(category))
        object.__setattr__(self, "to", to)
        object.__setattr__(self, "memo", validate.text(N_("memo"), self.memo, maximum=MEMO_LIMIT))

    @property
    def signed(self) -> int:
        """What the entry does to the balance: money out is negative."""
        return -self.amount if self.kind in ("expense", "contribution") else self.amount

    @property
    def label(self) -> str:
        """The category or the recipient, as a column shows it."""
        return self.to if self.kind == "contribution" else self.category

    def edit(self, **changes) -> "Entry":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The entry as the database stores it."""
        return {"kind": self.kind, "date": self.date.isoformat(), "amount": self.amount,
                "category": self.category, "to": self.to, "memo": self.memo}

    @classmethod
    def from_dict(cls, data: object) -> "Entry":
        """A stored entry read back, every value checked; unknown keys are ignored."""
        if not isinstance(data, Mapping):
            raise ValidationError(N_("entry"), _("is not an object"))
        for name in ("kind", "date", "amount"):
            if name not in data:
                raise ValidationError(name, _("is missing"))
        if isinstance(data["amount"], bool) or not isinstance(data["amount"], int):
            raise ValidationError(N_("amount"), _("must be whole cents"))
        return cls(kind=data["kind"], date=_DAY.load("date", data["date"]),
                   amount=data["amount"], category=data.get("category", ""),
                   to=data.get("to", ""), memo=data.get("memo", ""))


def kind_label(kind: str) -> str:
    """The kind of an entry as a person reads it (stored in English)."""
    return {"opening": pgettext("ledger", "opening"), "income": pgettext("ledger", "income"),
            "expense": pgettext("ledger", "expense"),
            "contribution": pgettext("ledger", "contribution")}.get(kind, kind)


def category_label(category: str) -> str:
    """A category as shown: the known ones in the language in use, a group's own as typed."""
    return {"rent": _("rent"), "literature": _("literature"),
            "chips and keytags": _("chips and keytags"), "refreshments": _("refreshments"),
            "other": _("other")}.get(category, category)


def shown_label(entry: Entry) -> str:
    """`entry.label` as a person reads it: a known category translated, a recipient as typed."""
    return entry.to if entry.kind == "contribution" else category_label(entry.category)


def _known_spelling(category: str) -> str:
    """'Rent' and 'RENT' (and the category's name in the language in use, 'Alquiler') are
    the rent category; the group's own categories stay as typed."""
    folded = category.casefold()
    return next((known for known in EXPENSE_CATEGORIES
                 if folded in (known, category_label(known).casefold())), category)
