"""Chip inventory: giving, restocking, reorder warnings; never below zero without a flag."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.chips import chip_stock
from facilitator.core.chips.chip_stock import StockLevel
from facilitator.core.errors import ValidationError

# (on hand, reorder level, status, warning for '30 days')
LEVELS = [
    (10, 5, "ok", None),
    (6, 5, "ok", None),
    (5, 5, "low", "30 days: low, 5 left (reorder at 5)"),
    (1, 5, "low", "30 days: low, 1 left (reorder at 5)"),
    (1, 0, "ok", None),
    (0, 0, "out", "30 days: out of stock"),
    (0, 5, "out", "30 days: out of stock"),
    (-2, 5, "out", "30 days: out of stock, 2 more given than counted"),
]


@pytest.mark.parametrize("on_hand, reorder_at, status, warning", LEVELS)
def test_status_and_warning(on_hand, reorder_at, status, warning):
    level = StockLevel(on_hand, reorder_at)
    assert level.status == status
    assert level.warning("30 days") == warning


# (on hand before, reorder level, on hand after giving one, warning)
GIVING = [
    (7, 5, 6, None),
    (6, 5, 5, "30 days: low, 5 left (reorder at 5)"),
    (1, 0, 0, "30 days: out of stock"),
    (0, 2, -1, "30 days: out of stock, 1 more given than counted"),
    (-1, 2, -2, "30 days: out of stock, 2 more given than counted"),
]


@pytest.mark.parametrize("before, reorder_at, after, warning", GIVING)
def test_give_one(before, reorder_at, after, warning):
    stock = {"30d": StockLevel(before, reorder_at), "24h": StockLevel(3, 1)}
    given_stock, said = chip_stock.give(stock, "30d", "30 days")
    assert given_stock["30d"] == StockLevel(after, reorder_at)
    assert given_stock["24h"] == StockLevel(3, 1)
    assert said == warning
    assert stock["30d"] == StockLevel(before, reorder_at)  # the old value is untouched


def test_a_chip_never_counted_is_not_tracked():
    """A group that counts some chips is not nagged about the others."""
    assert chip_stock.give({"24h": StockLevel(3)}, "6m") == ({"24h": StockLevel(3)}, None)
    assert chip_stock.take_back({"24h": StockLevel(3)}, "6m") == {"24h": StockLevel(3)}
    assert chip_stock.warnings({"24h": StockLevel(0)}, [("24h", "24 hours"), ("6m", "6 months")]) \
        == ["24 hours: out of stock"]


def test_a_group_that_keeps_no_stock_is_not_nagged():
    assert chip_stock.give({}, "30d") == ({}, None)
    assert chip_stock.take_back({}, "30d") == {}


def test_set_and_add():
    stock = chip_stock.set_count({}, "30d", "12", "4")
    assert stock == {"30d": StockLevel(12, 4)}
    stock = chip_stock.set_count(stock, "30d", 3)  # keeps the reorder level
    assert stock == {"30d": StockLevel(3, 4)}
    stock, _ = chip_stock.give(chip_stock.give(stock, "30d")[0], "30d")
    stock, _ = chip_stock.give(chip_stock.give(stock, "30d")[0], "30d")
    assert stock["30d"].on_hand == -1
    assert chip_stock.add(stock, "30d", 10)["30d"] == StockLevel(9, 4)  # makes up the one owed


# (call, the error)
REFUSED = [
    (lambda: chip_stock.set_count({}, "30d", -1), "number: cannot be negative"),
    (lambda: chip_stock.set_count({}, "30d", "ten"), "number: must be a whole number"),
    (lambda: chip_stock.set_count({}, "30d", 1, "x"), "reorder level: must be a whole number"),
    (lambda: chip_stock.add({}, "30d", -3), "number: cannot be negative"),
    (lambda: chip_stock.add({"30d": StockLevel(999_999)}, "30d", 2),
     "number: would make 1,000,001 on hand"),
    (lambda: chip_stock.from_rows({"30d": {"on_hand": "x"}}), "stock 30d: is not a count"),
]


@pytest.mark.parametrize("call, message", REFUSED)
def test_refused(call, message):
    with pytest.raises(ValidationError, match=message):
        call()


def test_rows_round_trip():
    rows = {"30d": {"on_hand": -2, "reorder_at": 5}, "24h": {"on_hand": 7}}
    stock = chip_stock.from_rows(rows)
    assert stock == {"30d": StockLevel(-2, 5), "24h": StockLevel(7, 0)}
    assert chip_stock.to_rows(stock) == {"30d": {"on_hand": -2, "reorder_at": 5},
                                         "24h": {"on_hand": 7, "reorder_at": 0}}


@given(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=10),
       st.lists(st.booleans(), max_size=40))
def test_undo_puts_every_chip_back(on_hand, reorder_at, gives):
    """Any run of gives, each undone, leaves the stock as it was; on hand drops one per give."""
    start = {"30d": StockLevel(on_hand, reorder_at)}
    stock, given_count = start, 0
    for is_give in gives:
        if is_give or given_count == 0:
            stock, warning = chip_stock.give(stock, "30d")
            given_count += 1
            assert (warning is not None) == (stock["30d"].on_hand <= reorder_at)
        else:
            stock = chip_stock.take_back(stock, "30d")
            given_count -= 1
        assert stock["30d"].on_hand == on_hand - given_count
    for _ in range(given_count):
        stock = chip_stock.take_back(stock, "30d")
    assert stock == start
