"""`facilitator chips stock`: list with low/out flags, set and add; errors write nothing."""

import json

import pytest

from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database


@pytest.fixture
def chips(cli):
    """Run `facilitator chips ARGS…` in this process on the test database."""
    return lambda *args: cli("chips", *args)


def stored_stock(db_path) -> dict:
    with Database.open(db_path, writer=False) as database:
        return database.stock()


def row(out: str, key: str) -> list[str]:
    """The words of the listing's line for `key`."""
    return next(line.split() for line in out.splitlines() if line.split()[:1] == [key])


def test_listing_with_no_database_writes_nothing(chips, db_path):
    code, out, err = chips("stock")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Chips on hand, AA chips (aa):"
    assert row(out, "30d") == ["30d", "30", "days", "-", "0"]
    assert "No chips counted yet" in out
    assert not db_path.exists()


def test_set_add_and_list_with_flags(chips, db_path):
    assert chips("stock", "set", "30d", "3", "--reorder", "5") == (
        0, "30 days (30d): 3 on hand, reorder at 5\n"
           "warning: 30 days: low, 3 left (reorder at 5)\n", "")
    assert chips("stock", "add", "30D", "4")[1] == "30 days (30d): 7 on hand, reorder at 5\n"
    assert chips("stock", "set", "24h", "20", "--reorder", "5")[0] == 0
    assert chips("stock", "set", "24h", "2")[1].endswith("low, 2 left (reorder at 5)\n")
    assert stored_stock(db_path) == {"30d": {"on_hand": 7, "reorder_at": 5},
                                     "24h": {"on_hand": 2, "reorder_at": 5}}
    code, out, _ = chips("stock")
    assert code == 0
    assert row(out, "30d") == ["30d", "30", "days", "7", "5"]
    assert row(out, "24h") == ["24h", "24", "hours", "2", "5", "LOW"]
    assert row(out, "60d") == ["60d", "60", "days", "-", "0"]  # not counted: not flagged
    assert "To reorder (1): 24 hours\n" in out


def test_list_as_json_and_shows_chips_given_beyond_the_count(chips, db_path):
    with Database.open(db_path) as database:
        database.save_stock({"30d": {"on_hand": -2, "reorder_at": 1}, "old": {"on_hand": 4}})
    code, out, _ = chips("stock")
    assert row(out, "30d")[-6:] == ["OUT,", "2", "more", "given", "than", "counted"]
    assert row(out, "old") == ["old", "(not", "on", "the", "aa", "ladder)", "4", "0"]
    listed = json.loads(chips("stock", "--json")[1])
    assert listed[1] == {"key": "30d", "label": "30 days", "on_hand": -2, "reorder_at": 1,
                         "status": "out"}
    assert listed[-1]["key"] == "old"


def test_na_keeps_one_stock_for_every_year(chips, db_path):
    with Database.open(db_path) as database:
        database.save_settings(GroupSettings(ladder="na"))
    assert chips("stock", "set", "multiple-years", "12")[1] == (
        "multiple years (black) (multiple-years): 12 on hand, reorder at 0\n")
    code, out, _ = chips("stock")
    assert out.splitlines()[0] == "Chips on hand, NA keytags (na):"
    assert row(out, "welcome")[:3] == ["welcome", "welcome", "(white)"]
    assert row(out, "multiple-years")[-2:] == ["12", "0"]


# (arguments, the one error line)
STOCK_ERRORS = [
    (["stock", "set", "zz", "1"], "facilitator: milestone: 'zz' is not on the aa ladder; its "
     "keys are 24h, 30d, 60d, 90d, 6m, 9m, 1y, 18m, then 2y, 3y, …"),
    (["stock", "set", "30d", "ten"], "facilitator: number: must be a whole number, not 'ten'"),
    (["stock", "set", "30d", "4", "--reorder", "-"],
     "facilitator: reorder level: must be a whole number, not '-'"),
    (["stock", "add", "30d", "1", "--reorder", "2"],
     "facilitator: --reorder: goes with `chips stock set KEY N`"),
    (["stock", "set", "30d"], "facilitator: stock: `set` needs a KEY and a number N; use "),
    (["stock", "frob"], "facilitator: stock: 'frob' is not an action; use `chips stock`, "
     "`chips stock set KEY N [--reorder N]` or `chips stock add KEY N`"),
    (["stock", "--on", "2024-01-01"],
     "facilitator: --on: goes with the calculator (`chips DATE`), not stock"),
    (["stock", "--dayfirst"],
     "facilitator: --dayfirst/--monthfirst: goes with the calculator (`chips DATE`), not stock"),
    (["stock", "set", "30d", "1", "--json"],
     "facilitator: --json: goes with `chips stock` (the list)"),
    (["stock", "set", "3y", "1", "--ladder", "na"],
     "facilitator: milestone: '3y' chips are counted in the 'multiple-years' stock"),
]


@pytest.mark.parametrize("args, expected", STOCK_ERRORS)
def test_stock_errors_write_nothing(chips, db_path, args, expected):
    with Database.open(db_path) as database:
        database.save_stock({"30d": {"on_hand": 9, "reorder_at": 2}})
    code, out, err = chips(*args)
    assert (code, out) == (1, "")
    assert err.startswith(expected) and err.count("\n") == 1
    assert stored_stock(db_path) == {"30d": {"on_hand": 9, "reorder_at": 2}}


def test_changing_stock_while_the_app_writes_is_refused(chips, db_path):
    with Database.open(db_path, writer=True):
        code, _, err = chips("stock", "add", "30d", "5")
    assert code == 3 and "in use by another facilitator" in err and err.count("\n") == 1
    assert stored_stock(db_path) == {}


def test_the_real_command(run_cli, db_path):
    """The installed entry point, in a child process: calculator, JSON and stock."""
    code, out, err = run_cli("chips", "2020-02-29", "--on", "2024-02-29", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["reached"] == {"key": "4y", "label": "4 years", "date": "2024-02-29"}
    code, out, err = run_cli("chips", "03/04/2024")
    assert code == 1 and out == "" and err.count("\n") == 1 and "--dayfirst" in err
    assert run_cli("chips", "stock", "set", "1y", "6", "--reorder", "2")[0] == 0
    code, out, err = run_cli("chips", "stock")
    assert (code, err) == (0, "") and row(out, "1y") == ["1y", "1", "year", "6", "2"]
