"""Chips and keytags on hand: give one, restock, and say when to reorder.

A stock maps a chip's stock key (e.g. '30d') to its level. Giving a chip the count says is
out is allowed (the group may have spares) but always flagged: on hand then goes below zero
and shows how many more were given than counted, until a restock (`add`) makes up for them
or a fresh count (`set_count`) replaces the number. A chip the group has never counted (no
entry, as for every chip of a group that keeps no stock) is not tracked: giving one changes
nothing and it is never flagged.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Mapping

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, number as locale_number, pgettext

MAX_CHIPS = 1_000_000


@dataclass(frozen=True)
class StockLevel:
    """How many of one chip are on hand, and the level at which to reorder."""

    on_hand: int = 0  # below zero: that many more given than were counted
    reorder_at: int = 0

    @property
    def status(self) -> str:
        """'out' at or below zero, 'low' at or below the reorder level, else 'ok'."""
        if self.on_hand <= 0:
            return "out"
        return "low" if self.on_hand <= self.reorder_at else "ok"

    def warning(self, label: str) -> str | None:
        """What the meeting screen and `chips stock` say about this chip, if anything."""
        if self.on_hand < 0:
            # Translators: {label} names a chip: "30 days: out of stock, 2 more given…".
            return _("{label}: out of stock, {count} more given than counted").format(
                label=label, count=-self.on_hand)
        if self.on_hand == 0:
            return _("{label}: out of stock").format(label=label)
        if self.status == "low":
            return _("{label}: low, {count} left (reorder at {reorder})").format(
                label=label, count=self.on_hand, reorder=self.reorder_at)
        return None


Stock = Mapping[str, StockLevel]


def from_rows(rows: Mapping[str, Mapping]) -> dict[str, StockLevel]:
    """The stock as the database keeps it ({key: {"on_hand": n, "reorder_at": n}})."""
    stock = {}
    for key, row in rows.items():
        if not isinstance(row, Mapping) or not isinstance(row.get("on_hand", 0), int):
            raise ValidationError(_("stock {key}").format(key=key[:40]),
                                  _("is not a count of chips"))
        reorder_at = validate.count(_("stock {key} reorder level").format(key=key[:40]),
                                    row.get("reorder_at", 0), maximum=MAX_CHIPS)
        stock[key] = StockLevel(row.get("on_hand", 0), reorder_at)
    return stock


def to_rows(stock: Stock) -> dict[str, dict]:
    """The form `Database.save_stock` takes."""
    return {key: {"on_hand": level.on_hand, "reorder_at": level.reorder_at}
            for key, level in stock.items()}


def level(stock: Stock, key: str) -> StockLevel:
    """The level of one chip; one never counted has none on hand."""
    return stock.get(key, StockLevel())


def set_count(stock: Stock, key: str, on_hand: object,
              reorder_at: object | None = None) -> dict[str, StockLevel]:
    """After counting the chips: `on_hand` replaces the number; optionally a new reorder level."""
    current = level(stock, key)
    counted = validate.count(pgettext("field", "number"), on_hand, maximum=MAX_CHIPS)
    reorder = current.reorder_at if reorder_at is None else validate.count(
        N_("reorder level"), reorder_at, maximum=MAX_CHIPS)
    return {**stock, key: StockLevel(counted, reorder)}


def add(stock: Stock, key: str, number: object) -> dict[str, StockLevel]:
    """Chips bought or received: `number` more on hand (making up any given beyond the count)."""
    more = validate.count(pgettext("field", "number"), number, maximum=MAX_CHIPS)
    current = level(stock, key)
    if current.on_hand + more > MAX_CHIPS:
        raise ValidationError(pgettext("field", "number"), _(
            "would make {count} on hand, more than {maximum}").format(
            count=locale_number(current.on_hand + more), maximum=locale_number(MAX_CHIPS)))
    return {**stock, key: StockLevel(current.on_hand + more, current.reorder_at)}


def give(stock: Stock, key: str, label: str | None = None) -> tuple[dict[str, StockLevel],
                                                                   str | None]:
    """One chip given in a meeting: the new stock, and a warning when low or out."""
    if key not in stock:
        return dict(stock), None
    current = level(stock, key)
    after = StockLevel(current.on_hand - 1, current.reorder_at)
    return {**stock, key: after}, after.warning(label or key)


def take_back(stock: Stock, key: str) -> dict[str, StockLevel]:
    """Undo one `give`: the chip is back on hand."""
    if key not in stock:
        return dict(stock)
    current = level(stock, key)
    return {**stock, key: StockLevel(current.on_hand + 1, current.reorder_at)}


def by_stock_key(chips: Mapping[str, int], stock_key_of: Callable[[str], str]) -> dict[str, int]:
    """Chips given, counted by milestone key, as counts of the chips kept in stock.

    Several milestones can share one stock (NA gives one black keytag for every year).
    """
    counts: dict[str, int] = {}
    for key, number in chips.items():
        stock_key = stock_key_of(key)
        counts[stock_key] = counts.get(stock_key, 0) + number
    return counts


def give_many(stock: Stock, given: Mapping[str, int],
              returned: Mapping[str, int] | None = None) -> dict[str, StockLevel]:
    """The stock after a meeting: each chip `given` (by stock key) taken, each `returned` back.

    `returned` holds the chips of a record being replaced, already taken when it was saved.
    """
    after = dict(stock)
    for key, number in (returned or {}).items():
        for _chip in range(number):
            after = take_back(after, key)
    for key, number in given.items():
        for _chip in range(number):
            after, _warning = give(after, key)
    return after


def warnings(stock: Stock, items: Iterable[tuple[str, str]]) -> list[str]:
    """What to say about the chips `items` ((stock key, label)) that are low or out."""
    return [text for key, label in items
            if key in stock and (text := stock[key].warning(label))]


def stock_key_of(ladder) -> Callable[[str], str]:
    """Milestone key -> the key of the chip kept in stock, on `ladder` (None: the same key)."""

    def key_of(key: str) -> str:
        if ladder is None:
            return key
        try:
            return ladder.milestone(key).stock_key
        except ValidationError:
            return key  # a key from another ladder: counted under its own key

    return key_of


def stock_after(stock: Stock, chips: Mapping[str, int], ladder,
                replaced: Mapping[str, int] | None = None) -> dict[str, StockLevel]:
    """The stock once a meeting's `chips` (by milestone key) are given; `replaced` given back."""
    key_of = stock_key_of(ladder)
    return give_many(stock, by_stock_key(chips, key_of), by_stock_key(replaced or {}, key_of))
