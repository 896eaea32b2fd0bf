"""The chip stock after a meeting: what its record takes from the stock when it is saved."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitator.core.chips import chip_stock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _
from facilitator.store.database import Database
from facilitator.store.errors import UnreadableDatabase
from facilitator.store.ladders import group_ladder


@dataclass(frozen=True)
class StockChange:
    """The stock rows to save with the record (None: leave the stock alone), and warnings."""

    rows: dict[str, dict] | None = None
    warnings: list[str] = field(default_factory=list)


def stock_after_meeting(database: Database, chips: Mapping[str, int],
                        replaced: Mapping[str, int] | None = None) -> StockChange:
    """The stock once `chips` are given; `replaced` are the chips of the record replaced.

    A replaced record's chips were taken when it was saved: saving the same meeting again
    (after a crash while closing) must not take them twice.
    """
    if not any(chips.values()) and not any((replaced or {}).values()):
        return StockChange()
    try:
        stock = chip_stock.from_rows(database.stock())
    except (ValidationError, UnreadableDatabase) as error:
        # The record matters more than the count of chips: save it, say why stock is left.
        return StockChange(None, [_("chip stock not updated: {reason}").format(reason=error)])
    if not stock:
        return StockChange()  # a group that keeps no stock is never nagged
    try:
        ladder = group_ladder(database.settings(), database.path)
    except ValidationError:
        ladder = None
    given = chip_stock.by_stock_key(chips, chip_stock.stock_key_of(ladder))
    after = chip_stock.stock_after(stock, chips, ladder, replaced)
    labels = dict(ladder.stock_items(after)) if ladder is not None else {}
    items = [(key, labels.get(key, key)) for key, number in given.items() if number]
    return StockChange(chip_stock.to_rows(after), chip_stock.warnings(after, items))
