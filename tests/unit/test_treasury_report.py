"""The treasurer's Markdown report and the ledger in the JSON export and merge."""

from datetime import date

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.ledger_json import attach_ledgers, ledger_from_json, ledger_json
from facilitator.core.treasury.report_markdown import last_full_month, treasurer_report

D = date.fromisoformat
HOSTILE = ["[click](http://evil.example)", "| a | b |", "# heading", "<script>x</script>",
           "*bold* _it_", "1. listed", "\x1b[2J"]


def report(entries, collections=(), start="2025-02-01", end="2025-02-28", plan=()) -> str:
    return treasurer_report(entries, list(collections), D(start), D(end), currency="USD",
                            reserve_months=3, plan=plan)


def test_the_month_in_figures():
    entries = [Entry("opening", D("2025-01-01"), 50000),
               Entry("expense", D("2025-01-05"), 30000, category="rent"),
               Entry("expense", D("2025-02-05"), 2000, category="refreshments"),
               Entry("income", D("2025-02-10"), 1500, memo="literature sale"),
               Entry("contribution", D("2025-02-15"), 5000, to="District")]
    text = report(entries, [(D("2025-02-07"), 42050), (D("2025-03-01"), 999)],
                  plan=(("District", 40), ("Area", 30), ("GSO", 30)))
    assert "| Balance at the start | 200.00 USD |" in text
    assert "| 7th tradition collections (1 meeting) | 420.50 USD |" in text
    assert "| Expense: refreshments | \\-20.00 USD |" in text
    assert "| Sent to: District | \\-50.00 USD |" in text
    assert "| Balance at the end | 565.50 USD |" in text
    assert "**Available to send:** 0.00 USD" in text
    assert "| District | 40% | 0.00 USD |" in text
    assert "literature sale" in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_groups_words_are_literal_text(hostile):
    """A memo, category or recipient never becomes a link, a heading or a table column."""
    safe = hostile.replace("\x1b", "")  # a control character is refused on the way in
    entries = [Entry("expense", D("2025-02-05"), 100, category=safe[:40], memo=safe),
               Entry("contribution", D("2025-02-06"), 100, to=safe[:60])]
    text = report(entries)
    for line in text.splitlines():
        if line.startswith("| 2025-02-05"):
            assert line.count(" | ") == 4  # five columns, whatever the memo holds
    assert "](http" not in text.replace("\\](http", "")
    assert "<script>" not in text.replace("\\<", "")
    assert "\n# heading" not in text


def test_no_entries_is_said():
    assert "No ledger entries in this period." in report([])


@pytest.mark.parametrize("today, period", [
    ("2025-03-10", ("2025-02-01", "2025-02-28")),
    ("2025-01-01", ("2024-12-01", "2024-12-31")),
    ("2024-03-31", ("2024-02-01", "2024-02-29")),
])
def test_the_default_period_is_the_last_full_month(today, period):
    assert last_full_month(D(today)) == tuple(map(D, period))


def test_ledger_json_round_trip_without_floats():
    entries = [Entry("expense", D("2025-02-05"), 1250, category="rent", memo="Feb"),
               Entry("contribution", D("2025-02-06"), 1, to="GSO")]
    document = ledger_json(entries, "EUR")
    assert [row["amount"] for row in document["entries"]] == ["12.50", "0.01"]
    assert ledger_from_json(document, "a.json") == document


@pytest.mark.parametrize("ledger, reason", [
    ({"currency": "USD", "entries": [{"kind": "expense", "date": "2025-02-05",
                                      "amount": 12.5, "category": "rent"}]}, "like 12.50"),
    ({"currency": "USD", "entries": [{"kind": "expense", "date": "2025-02-05",
                                      "amount": "-1.00", "category": "rent"}]}, "not an amount"),
    ({"currency": "USD", "entries": [{"kind": "expense", "date": "2025-02-30",
                                      "amount": "1.00", "category": "rent"}]}, "date"),
    ({"currency": "US$", "entries": []}, "3-letter"),
    ({"entries": "x"}, "list of entries"),
])
def test_a_damaged_ledger_in_an_export_is_refused(ledger, reason):
    with pytest.raises(ValidationError, match=reason):
        ledger_from_json(ledger, "a.json")


def test_merge_keeps_each_groups_own_ledger():
    one = ledger_json([Entry("expense", D("2025-02-05"), 100, category="rent")], "USD")
    two = ledger_json([Entry("income", D("2025-02-05"), 700)], "CAD")
    merged = attach_ledgers({"groups": [{"group": "a"}, {"group": "b"}, {"group": "c"}]},
                            [("a.json", {"ledger": one}), ("b.json", {"ledger": two}),
                             ("c.json", {})])
    assert [group.get("ledger") for group in merged["groups"]] == [one, two, None]
