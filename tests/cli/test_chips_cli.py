"""`facilitator chips`: the calculator (text and JSON), strict dates, and `chips stock`."""

import json
from datetime import date, datetime, time

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database

TODAY = date(2024, 6, 15)


@pytest.fixture
def chips(cli, monkeypatch):
    """Run `facilitator chips ARGS…` in this process on the test database, on TODAY."""
    clock = FakeClock(datetime.combine(TODAY, time(20, 30)))
    return lambda *args: cli("chips", *args, clock=clock)


def save_settings(db_path, **settings) -> None:
    with Database.open(db_path) as database:
        database.save_settings(GroupSettings(**settings))


def stored_stock(db_path) -> dict:
    with Database.open(db_path, writer=False) as database:
        return database.stock()


def test_text_output(chips):
    code, out, err = chips("2023-03-14", "--on", "2024-11-28")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Sober date: Tue 14 Mar 2023 (2023-03-14)",
        "On:         Thu 28 Nov 2024 (2024-11-28)",
        "Time sober: 1 year, 8 months, 14 days (625 days)",
        "Reached:    18 months, on Sat 14 Sep 2024 (2024-09-14)",
        "Next:       2 years, on Fri 14 Mar 2025 (2025-03-14), in 106 days",
        "Ladder:     AA chips (aa)",
    ]


def test_text_output_today_and_na_colours(chips):
    code, out, _ = chips("2024-05-16", "--ladder", "na")
    assert code == 0
    assert "On:         Sat 15 Jun 2024 (2024-06-15) (today)" in out
    assert "Reached:    30 days (orange), today" in out
    assert "Next:       60 days (green), on Mon 15 Jul 2024 (2024-07-15), in 30 days" in out


def test_json_output(chips):
    code, out, err = chips("2024-01-31", "--on", "2024-03-30", "--json", "--ladder", "monthly")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "sober_date": "2024-01-31", "on": "2024-03-30", "years": 0, "months": 1, "days": 30,
        "total_days": 59,
        "reached": {"key": "1m", "label": "1 month", "date": "2024-02-29"},
        "next": {"key": "2m", "label": "2 months", "date": "2024-03-31", "days_until": 1},
    }


def test_json_before_the_first_milestone(chips):
    code, out, _ = chips("2024-06-15", "--json")
    assert code == 0
    assert json.loads(out) == {
        "sober_date": "2024-06-15", "on": "2024-06-15", "years": 0, "months": 0, "days": 0,
        "total_days": 0, "reached": None,
        "next": {"key": "24h", "label": "24 hours", "date": "2024-06-16", "days_until": 1},
    }


def test_group_settings_choose_ladder_leap_day_and_date_order(chips, db_path):
    save_settings(db_path, ladder="na", leap_day="mar1", date_order="dayfirst")
    code, out, _ = chips("29/02/2024", "--on", "28/02/2025", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["reached"]["key"] == "9m"
    assert result["next"] == {"key": "1y", "label": "1 year", "date": "2025-03-01",
                              "days_until": 1}
    assert chips("03/04/2024", "--on", "2024-05-03")[1].startswith(
        "Sober date: Wed 3 Apr 2024 (2024-04-03)")


def test_the_calculator_reads_without_taking_the_lock(chips, db_path):
    with Database.open(db_path, writer=True):  # the app is open and writing
        code, out, _ = chips("2024-01-01", "--on", "2024-01-31")
    assert code == 0 and "Reached:    30 days, today" in out


# (arguments, the date echoed back, or the one error line)
DATE_INPUT = [
    (["2024-03-14"], "Sober date: Thu 14 Mar 2024 (2024-03-14)"),
    (["14", "March", "2024"], "Sober date: Thu 14 Mar 2024 (2024-03-14)"),
    (["14/03/2024"], "Sober date: Thu 14 Mar 2024 (2024-03-14)"),
    (["03/04/2024", "--dayfirst"], "Sober date: Wed 3 Apr 2024 (2024-04-03)"),
    (["03/04/2024", "--monthfirst"], "Sober date: Mon 4 Mar 2024 (2024-03-04)"),
    (["03/04/2024"], "facilitator: sober date: '03/04/2024' could be 3 Apr or Mar 4; type it "
     "as YYYY-MM-DD or set the date order (day-first or month-first): add --dayfirst or "
     "--monthfirst"),
    (["March 2024"], "facilitator: sober date: 'March 2024' is not a whole date; type day, "
     "month and year, e.g. 2024-03-14"),
    (["5"], "facilitator: sober date: '5' is not a whole date; type day, month and year, "
     "e.g. 2024-03-14"),
    (["2024-06-16"], "facilitator: sober date: 2024-06-16 is in the future"),
    (["2024-02-30"], "facilitator: sober date: 2024-02-30 does not exist: February 2024 has "
     "29 days"),
    (["3/4/24", "--dayfirst"], "facilitator: sober date: write the year with four digits "
     "(not '24')"),
    ([], "facilitator: sober date: missing; type it like `facilitator chips 2024-03-14`"),
    (["2024-03-14", "--on", "2024-13-01"], "facilitator: on: there is no month 13"),
    (["2024-03-14", "--on", "2024-01-01"],
     "facilitator: on: 2024-01-01 is before the sober date 2024-03-14"),
    (["2024-03-14", "--ladder", "xyz"], "facilitator: ladder: there is no ladder named 'xyz'; "
     "choose one of aa, na, monthly; a group's own ladder goes in "),
    (["2024-03-14", "--reorder", "3"],
     "facilitator: --reorder: goes with `chips stock set KEY N`"),
    (["2024-03-14", "--dayfirst", "--monthfirst"],
     "facilitator chips: argument --monthfirst: not allowed with argument --dayfirst"),
    (["2024-03-14", "--frobnicate"], "facilitator: unrecognized arguments: --frobnicate"),
]


@pytest.mark.parametrize("args, expected", DATE_INPUT)
def test_date_input(chips, db_path, args, expected):
    code, out, err = chips(*args)
    if expected.startswith("Sober date:"):
        assert (code, err, out.splitlines()[0]) == (0, "", expected)
        return
    assert code == 1 and out == ""
    assert err.startswith(expected) and err.count("\n") == 1
    assert "Traceback" not in err
    assert not db_path.exists()  # nothing written, not even an empty database


def test_the_future_is_fine_for_on(chips):
    code, out, _ = chips("2024-06-01", "--on", "2025-06-01")
    assert code == 0 and "Reached:    1 year, today" in out


def test_a_broken_group_ladder_names_file_and_line(chips, db_path):
    folder = db_path.parent / "ladders"
    folder.mkdir()
    (folder / "ours.txt").write_text("30 days\n60 days\n2 months\n", encoding="utf-8")
    code, _, err = chips("2024-03-14", "--ladder", "ours")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"facilitator: ladder file {folder / 'ours.txt'} line 3: order: "
                          "'2 months' does not always fall after '60 days'")


def test_an_unreadable_database_is_exit_2(chips, db_path):
    db_path.write_text("{ not json", encoding="utf-8")
    code, _, err = chips("2024-03-14")
    assert code == 2 and err.startswith("facilitator: database ") and err.count("\n") == 1
    assert db_path.read_text(encoding="utf-8") == "{ not json"
