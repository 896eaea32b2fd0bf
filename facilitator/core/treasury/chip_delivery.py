"""A delivery of chips bought with a ledger expense: what it adds to the chip stock.

Typed as `30d=20, 1y=5` (or one KEY=N per `--stock` option); each key must be a chip the
group's ladder keeps in stock, each number a whole count. Saved with the expense in one write.
"""

from collections.abc import Iterable, Mapping

from facilitator.core import validate
from facilitator.core.chips import chip_stock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.text_out import echo

FIELD = N_("chips received")


def parse_delivery(items: Iterable[str], ladder, field: str = FIELD) -> dict[str, int]:
    """{stock key: number} of 'KEY=N' items; refused unless every key and number is valid."""
    delivery: dict[str, int] = {}
    for item in items:
        if not item.strip():
            continue
        key, equals, number = item.partition("=")
        if not equals:
            raise ValidationError(field, _("{item} is not KEY=N, e.g. 30d=20").format(
                item=echo(item.strip())))
        key = key.strip().lower()
        try:
            ladder.stock_label(key)  # refuses a key the ladder does not keep in stock
        except ValidationError as error:
            raise ValidationError(field, error.reason) from None
        count = validate.count(f"{field} {key}", number.strip(),
                                          maximum=chip_stock.MAX_CHIPS)
        delivery[key] = delivery.get(key, 0) + count
    return delivery


def stock_after_delivery(rows: Mapping[str, Mapping], delivery: Mapping[str, int],
                         ladder) -> tuple[dict[str, dict], list[str]]:
    """The stock rows once `delivery` is added, and a line per chip saying what is on hand."""
    stock = chip_stock.from_rows(rows)
    lines = []
    for key, number in delivery.items():
        stock = chip_stock.add(stock, key, number)
        # Translators: a chip delivered: "1 year (1y): 12 on hand".
        lines.append(_("{chip} ({key}): {on_hand} on hand").format(
            chip=ladder.stock_label(key), key=key, on_hand=chip_stock.level(stock, key).on_hand))
    return chip_stock.to_rows(stock), lines
