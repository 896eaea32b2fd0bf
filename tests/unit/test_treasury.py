"""The treasurer's arithmetic: balance, prudent reserve, available, the split."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.settings import GroupSettings
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.position import position
from facilitator.core.treasury.split import parse_plan, split

D = date.fromisoformat


def expense(day: str, cents: int, category: str = "rent") -> Entry:
    return Entry("expense", D(day), cents, category=category)


def opening(day: str, cents: int) -> Entry:
    return Entry("opening", D(day), cents)


@pytest.mark.parametrize("amount, plan, expected", [
    (10000, [("A", 33), ("B", 33), ("C", 34)], [3300, 3300, 3400]),
    (1, [("District", 40), ("Area", 30), ("GSO", 30)], [1, 0, 0]),
    (2, [("District", 40), ("Area", 30), ("GSO", 30)], [1, 1, 0]),  # .8/.6/.6: tie to Area
    (100, [("A", 33), ("B", 33), ("C", 34)], [33, 33, 34]),
    (10, [("A", 33), ("B", 33), ("C", 34)], [3, 3, 4]),
    (1, [("A", 50), ("B", 50)], [1, 0]),  # a tie goes to the first listed
    (3, [("Intergroup", 60), ("World", 30), ("Region", 10)], [2, 1, 0]),
    (0, [("A", 100)], [0]),
    (12345, [("A", 60), ("B", 30), ("C", 10)], [7407, 3704, 1234]),
])
def test_split_in_whole_cents(amount, plan, expected):
    """Largest remainder, ties to the first recipient listed."""
    assert [share.amount for share in split(amount, plan)] == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9), st.lists(st.integers(1, 100), min_size=1, max_size=12))
def test_split_always_sums_exactly(amount, weights):
    """Any plan totalling 100: the parts add up to the amount and none is negative."""
    plan, left = [], 100
    for n, weight in enumerate(weights[:-1]):
        percent = min(weight, left - (len(weights) - 1 - n))
        if percent < 1:
            break
        plan.append((f"body {n}", percent))
        left -= percent
    plan.append(("last", left))
    shares = split(amount, plan)
    assert sum(share.amount for share in shares) == amount
    assert all(share.amount >= 0 for share in shares)
    for share, (_, percent) in zip(shares, plan):  # never more than a cent from exact
        assert abs(share.amount * 100 - amount * percent) < 100


@pytest.mark.parametrize("words, reason", [
    (["District 40", "Area 30", "GSO 20"], "total 90, not 100"),
    (["District 40", "Area 30", "GSO 40"], "total 110, not 100"),
    (["District 40", "district 60"], "named twice"),
    (["District"], "not a service body and a percent"),
    (["40"], "not a service body and a percent"),
    (["District 0", "Area 100"], "must be from 1 to 100"),
    (["District -10", "Area 110"], "whole number"),
    (["District 40.5", "Area 59.5"], "whole number"),
    (["District 1e2"], "whole number"),
    (["District ٤٠", "Area 60"], "whole number"),
    (["District 101"], "more than 100"),
    ([], "name each service body"),
    ([f"Body{n} 1" for n in range(13)], "the limit is 12"),
    (["\x1b[31mDistrict 100"], "control characters"),
])
def test_plan_refusals(words, reason):
    with pytest.raises(ValidationError, match=reason):
        parse_plan(words)


def test_plan_accepted_and_kept_in_settings():
    plan = parse_plan(["District 40", "Area 30%", " GSO  30 "])
    assert plan == (("District", 40), ("Area", 30), ("GSO", 30))
    stored = GroupSettings(split_plan=plan).to_dict()
    assert GroupSettings.from_dict(stored).split_plan == plan


@pytest.mark.parametrize("entries, on, months, average", [
    # fewer than 12 months: the full months so far
    ([opening("2025-01-01", 0), expense("2025-01-05", 30000), expense("2025-02-05", 30000),
      expense("2025-03-05", 60000)], "2025-04-10", 3, 40000),
    # a month with no expenses counts as 0
    ([opening("2025-01-01", 0), expense("2025-01-05", 30000), expense("2025-03-05", 30000)],
     "2025-04-01", 3, 20000),
    # more than 12 months: only the last 12 full ones (Jan 2024 falls out)
    ([opening("2023-12-01", 0), expense("2023-12-05", 999999)]
     + [expense(f"2024-{m:02d}-10", 12000) for m in range(1, 13)], "2025-01-15", 12, 12000),
    # the current month is not full: not averaged
    ([opening("2025-01-01", 0), expense("2025-01-05", 10000), expense("2025-02-01", 90000)],
     "2025-02-20", 1, 10000),
    # nothing before this month
    ([opening("2025-02-01", 0), expense("2025-02-05", 10000)], "2025-02-20", 0, 0),
    ([], "2025-02-20", 0, 0),
    # rounded to the nearest cent, a half up
    ([opening("2025-01-01", 0), expense("2025-01-05", 100), expense("2025-02-05", 101),
      expense("2025-03-05", 100)], "2025-04-01", 3, 100),
    ([opening("2025-01-01", 0), expense("2025-01-05", 1)], "2025-03-01", 2, 1),
])
def test_reserve_average(entries, on, months, average):
    figures = position(entries, [], D(on), reserve_months=3)
    assert (figures.months_averaged, figures.average_monthly_expenses) == (months, average)
    assert figures.reserve_target == 3 * average


def test_balance_counts_from_the_opening():
    entries = [opening("2025-01-01", 50000), expense("2025-01-03", 20000),
               Entry("income", D("2025-01-10"), 1500, memo="literature sale"),
               Entry("contribution", D("2025-01-20"), 10000, to="District"),
               expense("2024-12-20", 77700),  # before the opening: already in it
               expense("2025-02-01", 1000)]  # after the date asked about
    collections = [(D("2024-12-29"), 9900), (D("2025-01-07"), 4550), (D("2025-01-14"), 3000)]
    figures = position(entries, collections, D("2025-01-31"))
    assert (figures.opening, figures.collections, figures.other_income, figures.expenses,
            figures.contributions) == (50000, 7550, 1500, 20000, 10000)
    assert figures.balance == 50000 + 7550 + 1500 - 20000 - 10000


@pytest.mark.parametrize("balance_cents, reserve_months, available", [
    (120000, 3, 30000),  # 1,200.00 on hand, 900.00 kept back
    (90000, 3, 0),  # exactly the reserve
    (50000, 3, 0),  # below the reserve: nothing to send, never negative
    (50000, 0, 50000),  # no reserve kept
])
def test_available_is_balance_above_the_reserve(balance_cents, reserve_months, available):
    entries = [opening("2025-01-01", balance_cents + 90000), expense("2025-01-10", 30000),
               expense("2025-02-10", 30000), expense("2025-03-10", 30000)]
    figures = position(entries, [], D("2025-04-02"), reserve_months=reserve_months,
                       plan=(("District", 40), ("Area", 30), ("GSO", 30)))
    assert figures.balance == balance_cents
    assert figures.available == available
    assert sum(share.amount for share in figures.split()) == available


def test_report_json_keys():
    figures = position([opening("2025-01-01", 1000)], [(D("2025-01-02"), 250)], D("2025-01-05"),
                       currency="EUR", plan=(("GSO", 100),))
    report = figures.to_json()
    assert {"on", "currency", "balance", "collections", "other_income", "expenses",
            "contributions", "average_monthly_expenses", "reserve_months", "reserve_target",
            "available", "split"} <= set(report)
    assert report["balance"] == 1250 and report["currency"] == "EUR"
    assert report["split"] == [{"to": "GSO", "percent": 100, "amount": 1250}]
    assert all(not isinstance(value, float) for value in report.values())


@pytest.mark.parametrize("fields, reason", [
    (dict(kind="expense", amount=100), "category: cannot be empty"),
    (dict(kind="contribution", amount=100), "to: cannot be empty"),
    (dict(kind="expense", amount=0, category="rent"), "more than 0.00"),
    (dict(kind="expense", amount=-5, category="rent"), "negative"),
    (dict(kind="expense", amount=1.5, category="rent"), "whole number"),
    (dict(kind="expense", amount=True, category="rent"), "whole number"),
    (dict(kind="gift", amount=100), "kind"),
    (dict(kind="income", amount=100, to="District"), "contribution only"),
    (dict(kind="contribution", amount=100, to="GSO", category="rent"), "category"),
    (dict(kind="expense", amount=100, category="rent", memo="x" * 201), "limit is 200"),
    (dict(kind="expense", amount=100, category="rent", memo="a\x1b]0;b"), "control"),
    (dict(kind="expense", amount=10**12, category="rent"), "more than"),
])
def test_entry_refusals(fields, reason):
    with pytest.raises(ValidationError, match=reason):
        Entry(date=D("2025-01-01"), **fields)


def test_entry_round_trip_and_categories():
    entry = Entry("expense", D("2025-01-01"), 4500, category="Chips and Keytags", memo="30 x")
    assert entry.category == "chips and keytags"
    assert Entry.from_dict(entry.to_dict()) == entry
    assert Entry("income", D("2025-01-01"), 100).category == "other"
    assert Entry("expense", D("2025-01-01"), 100, category="Coffee Fund").category == "Coffee Fund"
    with pytest.raises(ValidationError, match="whole cents"):
        Entry.from_dict({**entry.to_dict(), "amount": "4500"})
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        Entry.from_dict({**entry.to_dict(), "date": "2025-02-30"})


@pytest.mark.parametrize("items, expected", [
    (["30d=20", " 1y = 5 "], {"30d": 20, "1y": 5}),
    (["30D=2", "30d=3"], {"30d": 5}),
    (["", "  "], {}),
])
def test_a_chip_delivery_is_read(items, expected):
    from facilitator.core.treasury.chip_delivery import parse_delivery
    from facilitator.store.ladders import load_ladder

    assert parse_delivery(items, load_ladder("aa")) == expected


@pytest.mark.parametrize("items, reason", [
    (["30d"], "is not KEY=N"),
    (["7q=3"], "'7q' is not on the aa ladder"),
    (["30d=-1"], "whole number"),
    (["30d=1.5"], "whole number"),
    (["30d=9999999"], "more than 1,000,000"),
])
def test_a_chip_delivery_refusal_names_the_field(items, reason):
    from facilitator.core.treasury.chip_delivery import parse_delivery
    from facilitator.store.ladders import load_ladder

    with pytest.raises(ValidationError, match=reason) as caught:
        parse_delivery(items, load_ladder("aa"))
    assert caught.value.field.startswith("chips received")


def test_a_chip_delivery_adds_to_the_stock():
    from facilitator.core.treasury.chip_delivery import stock_after_delivery
    from facilitator.store.ladders import load_ladder

    rows, lines = stock_after_delivery({"30d": {"on_hand": -2, "reorder_at": 5}},
                                       {"30d": 20, "1y": 5}, load_ladder("aa"))
    assert rows == {"30d": {"on_hand": 18, "reorder_at": 5}, "1y": {"on_hand": 5, "reorder_at": 0}}
    assert lines[0].endswith("(30d): 18 on hand")


def test_collections_in_another_currency_are_counted_apart():
    from facilitator.core.records.record import Record
    from facilitator.core.records.records import Records
    from facilitator.core.treasury.position import collections_of, uncounted_collections

    records = Records.of([Record("T", D("2024-01-02"), 5, collection=500, currency="USD"),
                          Record("T", D("2024-01-09"), 5, collection=700, currency="EUR"),
                          Record("T", D("2024-01-16"), 5, collection=0, currency="EUR")])
    assert collections_of(records, "EUR") == [(D("2024-01-09"), 700)]
    assert uncounted_collections(records, "EUR") == 1
    figures = position([], collections_of(records, "EUR"), D("2024-02-01"), currency="EUR",
                       uncounted=uncounted_collections(records, "EUR"))
    assert figures.to_json()["collections_in_other_currencies"] == 1
    assert figures.balance == 700


entries_strategy = st.lists(st.builds(
    lambda kind, day, cents: Entry(kind, date(2024, 1, 1) + timedelta(days=day),
                                   cents if kind == "opening" else cents + 1,
                                   category="rent" if kind == "expense" else "",
                                   to="GSO" if kind == "contribution" else ""),
    st.sampled_from(["opening", "income", "expense", "contribution"]),
    st.integers(0, 500), st.integers(0, 10**7)), max_size=30)


@settings(max_examples=100, deadline=None)
@given(entries_strategy, st.integers(0, 600), st.integers(0, 24))
def test_available_is_never_negative_and_balance_adds_up(entries, day, months):
    """Whatever the ledger: available >= 0, the split sums to it, the balance adds up."""
    on = date(2024, 1, 1) + timedelta(days=day)
    figures = position(entries, [], on, reserve_months=months, plan=(("A", 70), ("B", 30)))
    assert figures.available >= 0 and figures.reserve_target >= 0
    assert sum(share.amount for share in figures.split()) == figures.available
    assert figures.balance == (figures.opening + figures.other_income - figures.expenses
                               - figures.contributions)
