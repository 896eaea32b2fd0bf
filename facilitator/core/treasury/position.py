"""Where the treasury stands on a date: balance, prudent reserve, what can be sent on.

Balance = opening + collections + other income − expenses − contributions, counting from
the opening balance's date (the amount on hand that morning) to the date asked about.
The reserve target is N months of the average monthly expenses over the last 12 full
months, or over the full months the ledger covers when it is younger than that.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from facilitator.core.i18n import _, ngettext
from facilitator.core.records.records import Records
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.split import Plan, Share, split

AVERAGED_MONTHS = 12


@dataclass(frozen=True)
class Position:
    """The treasury on one date; every amount in cents."""

    on: date
    currency: str
    start: date | None  # the opening balance's date; None: from the first entry
    opening: int
    collections: int
    other_income: int
    expenses: int
    contributions: int
    months_averaged: int  # full months the average is taken over (12 once there are)
    average_monthly_expenses: int
    reserve_months: int
    plan: Plan = ()
    uncounted_collections: int = 0  # meetings whose collection is in another currency

    @property
    def balance(self) -> int:
        return (self.opening + self.collections + self.other_income - self.expenses
                - self.contributions)

    @property
    def reserve_target(self) -> int:
        return self.reserve_months * self.average_monthly_expenses

    @property
    def available(self) -> int:
        """What can be sent on to the service bodies: never below zero."""
        return max(0, self.balance - self.reserve_target)

    def split(self, amount: int | None = None) -> list[Share]:
        """The available amount (or `amount`) in the group's split."""
        return split(self.available if amount is None else amount, self.plan)

    def reserve_note(self) -> str:
        """How the average was taken, said plainly when it is not over 12 months."""
        if self.months_averaged == 0:
            return _("no full month of expenses yet")
        if self.months_averaged < AVERAGED_MONTHS:
            return ngettext("over {n} full month so far (fewer than 12)",
                            "over {n} full months so far (fewer than 12)",
                            self.months_averaged).format(n=self.months_averaged)
        return _("over the last 12 full months")

    def to_json(self, amount: int | None = None) -> dict:
        """The `treasury report --json` object: amounts as integer cents."""
        return {
            "on": self.on.isoformat(), "currency": self.currency,
            "from": self.start.isoformat() if self.start else None,
            "opening": self.opening, "balance": self.balance,
            "collections": self.collections, "other_income": self.other_income,
            "expenses": self.expenses, "contributions": self.contributions,
            "months_averaged": self.months_averaged,
            "average_monthly_expenses": self.average_monthly_expenses,
            "reserve_months": self.reserve_months, "reserve_target": self.reserve_target,
            "available": self.available,
            "split": [share.to_dict() for share in self.split(amount)],
            "collections_in_other_currencies": self.uncounted_collections,
        }


def collections_of(records: Records, currency: str) -> list[tuple[date, int]]:
    """Each meeting's collection in the group's currency, by date."""
    return [(day, cents) for day, cents, code in zip(records.column("date"),
                                                      records.column("collection"),
                                                      records.column("currency"))
            if cents and code == currency]


def uncounted_collections(records: Records, currency: str) -> int:
    """How many meetings collected in another currency than the group's (not added up)."""
    return sum(1 for cents, code in zip(records.column("collection"), records.column("currency"))
               if cents and code != currency)


def opening_of(entries: Iterable[Entry]) -> Entry | None:
    """The opening balance (the latest one, should a file hold two)."""
    openings = [entry for entry in entries if entry.kind == "opening"]
    return max(openings, key=lambda entry: entry.date, default=None)


def position(entries: Sequence[Entry], collections: Iterable[tuple[date, int]], on: date, *,
             currency: str = "USD", reserve_months: int = 3, plan: Plan = (),
             uncounted: int = 0) -> Position:
    """The treasury on `on` from the ledger `entries` and the meetings' `collections`."""
    opening = opening_of(entries)
    start = opening.date if opening else None

    def counted(day: date) -> bool:
        return (start is None or day >= start) and day <= on

    sums = {kind: 0 for kind in ("income", "expense", "contribution")}
    for entry in entries:
        if entry.kind in sums and counted(entry.date):
            sums[entry.kind] += entry.amount
    collected = sum(cents for day, cents in collections if counted(day))
    months, average = average_monthly_expenses(entries, on)
    return Position(on, currency, start, opening.amount if opening and opening.date <= on else 0,
                    collected, sums["income"], sums["expense"], sums["contribution"], months,
                    average, reserve_months, plan, uncounted)


def average_monthly_expenses(entries: Sequence[Entry], on: date) -> tuple[int, int]:
    """(full months averaged, average cents): the 12 full months before `on`'s month, or
    those since the ledger began; a month with no expenses counts as 0."""
    first_day = min((entry.date for entry in entries), default=None)
    this_month = on.replace(day=1)
    if first_day is None or first_day >= this_month:
        return 0, 0
    since = max(first_day.replace(day=1), this_month - relativedelta(months=AVERAGED_MONTHS))
    months = (this_month.year - since.year) * 12 + this_month.month - since.month
    total = sum(entry.amount for entry in entries
                if entry.kind == "expense" and since <= entry.date < this_month)
    return months, (2 * total + months) // (2 * months)  # to the nearest cent, halves up
