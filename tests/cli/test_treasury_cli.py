"""`facilitator treasury`: the ledger from the command line, and what it refuses."""

import orjson
import pytest

from facilitator.core.clock import FakeClock
from tests.cli.hostile import (CORPUS, check_promises, copy_group, group,  # noqa: F401
                               group_template, snapshot)

V = object()  # where the hostile value goes

# (argument, the command line, the field the message names, classes accepted as text)
TEXT_KEPT = {"++5", "superscript two", "full-width digits", "Arabic-Indic digits", "year 0",
             "year 1", "month 13", "date and time", "1e308", "NaN", "negative", "formula"}
ARGUMENTS = [
    ("add expense AMOUNT", ["treasury", "add", "expense", V, "--date", "2024-03-05",
                            "--category", "rent"], "amount", set()),
    ("add expense --date", ["treasury", "add", "expense", "5", "--date", V,
                            "--category", "rent"], "date", set()),
    ("add expense --category", ["treasury", "add", "expense", "5", "--date", "2024-03-05",
                                "--category", V], "category", TEXT_KEPT),
    ("add expense --memo", ["treasury", "add", "expense", "5", "--date", "2024-03-05",
                            "--category", "rent", "--memo", V], "memo",
     TEXT_KEPT | {"markup"}),
    ("add contribution --to", ["treasury", "add", "contribution", "5", "--date", "2024-03-05",
                               "--to", V], "to", TEXT_KEPT | {"markup"}),
    ("add income AMOUNT", ["treasury", "add", "income", V, "--date", "2024-03-05"], "amount",
     set()),
    ("opening AMOUNT", ["treasury", "opening", V, "--date", "2024-03-05"], "amount", set()),
    ("opening --date", ["treasury", "opening", "5", "--date", V], "date", set()),
    ("list --from", ["treasury", "list", "--from", V], "--from", set()),
    ("report --on", ["treasury", "report", "--on", V], "--on", set()),
    ("split AMOUNT", ["treasury", "split", V], "amount", set()),
    ("split --date", ["treasury", "split", "--record", "--date", V], "date", set()),
    ("plan PART", ["treasury", "plan", V], "plan", set()),
    ("plan --reserve-months", ["treasury", "plan", "--reserve-months", V], "reserve months",
     set()),
    ("add expense --stock", ["treasury", "add", "expense", "5", "--date", "2024-03-05",
                             "--category", "chips and keytags", "--stock", V], "--stock", set()),
]


@pytest.mark.parametrize("argument, argv, field, kept", ARGUMENTS,
                         ids=[case[0] for case in ARGUMENTS])
def test_hostile_values_are_refused_in_one_line_and_nothing_is_written(
        cli, group, group_template, db_path, argument, argv, field, kept):
    """Each class of the corpus: one line naming the field, every file as it was."""
    assert cli("treasury", "plan", "District 40", "Area 30", "GSO 30")[0] == 0
    broken = {}
    for value_name, value in CORPUS.items():
        before = snapshot(group)
        result = cli(*[value if part is V else part for part in argv])
        try:
            check_promises(result, before, snapshot(group))
            code, _, err = result
            assert code == (0 if value_name in kept else 1), result[1:]
            if code and value_name != "not UTF-8 (surrogates)":
                assert err.startswith(f"facilitator: {field}"), err
        except AssertionError as failure:
            broken[value_name] = f"{failure} {str(result)[:300]}"
        if result[0] == 0:
            copy_group(group_template, db_path, group.parent / "input", replace=True)
            assert cli("treasury", "plan", "District 40", "Area 30", "GSO 30")[0] == 0
    assert broken == {}


@pytest.mark.parametrize("argv, message", [
    (["treasury", "add", "expense", "12.345", "--date", "2024-03-05", "--category", "rent"],
     "facilitator: amount: '12.345' is not an amount; type it like 12.50 (two decimals at most)\n"),
    (["treasury", "add", "expense", "0", "--date", "2024-03-05", "--category", "rent"],
     "facilitator: amount: must be more than 0.00\n"),
    (["treasury", "add", "expense", "5", "--date", "2999-01-01", "--category", "rent"],
     "facilitator: date: 2999-01-01 is in the future\n"),
    (["treasury", "add", "expense", "5", "--date", "1899-12-31", "--category", "rent"],
     "facilitator: date: 1899-12-31 is before 1900-01-01\n"),
    (["treasury", "add", "expense", "5", "--date", "2024-03-05", "--category", "rent",
      "--stock", "30d=5"], 'facilitator: --stock: goes with --category "chips and keytags"\n'),
    (["treasury", "plan", "District 40", "Area 30", "GSO 20"],
     "facilitator: split plan: the percents total 90, not 100\n"),
    (["treasury", "split", "--date", "2024-03-05"],
     "facilitator: --date: goes with --record (the date of the contributions)\n"),
    (["treasury", "split", "--record"], "facilitator: --date: is needed with --record\n"),
    (["treasury", "list", "--from", "2024-03-05", "--to", "2024-03-01"],
     "facilitator: --from: 2024-03-05 is after --to 2024-03-01\n"),
])
def test_each_refusal_is_one_line_and_writes_nothing(cli, group, argv, message):
    before = snapshot(group)
    result = cli(*argv)
    check_promises(result, before, snapshot(group))
    assert result == (1, "", message)


def test_a_split_without_a_plan_or_money_is_refused(cli, group):
    before = snapshot(group)
    result = cli("treasury", "split")
    check_promises(result, before, snapshot(group))
    assert result[2].startswith("facilitator: plan: there is no split plan")
    cli("treasury", "plan", "GSO 100")
    before = snapshot(group)
    result = cli("treasury", "split", "--record", "--date", "2024-03-05")
    check_promises(result, before, snapshot(group))
    assert result[2] == "facilitator: amount: nothing to send: the amount available is 0.00\n"
    result = cli("treasury", "split", "5000", "--record", "--date", "2024-03-05")
    check_promises(result, before, snapshot(group))
    assert result[2].startswith("facilitator: amount: 5,000.00 USD is more than the balance")


def ledger_of(cli) -> list[dict]:
    code, out, _ = cli("treasury", "list", "--json")
    assert code == 0
    return orjson.loads(out)["entries"]


def test_a_treasurers_month(cli, group):
    """Opening, expenses, income, a chip delivery, the plan, the report and a recorded split."""
    steps = [
        ["treasury", "opening", "1200", "--date", "2024-01-01"],
        ["treasury", "add", "expense", "100", "--date", "2024-01-02", "--category", "Rent"],
        ["treasury", "add", "expense", "100", "--date", "2024-02-02", "--category", "rent"],
        ["treasury", "add", "income", "25.50", "--date", "2024-02-10", "--memo", "book sale"],
        ["treasury", "add", "expense", "$40", "--date", "2024-02-11", "--category",
         "chips and keytags", "--stock", "30d=20", "--stock", "1y=5"],
        ["treasury", "plan", "District 40", "Area 30", "GSO 30"],
    ]
    for argv in steps:
        assert cli(*argv)[0] == 0, argv
    # The group's one record (2024-03-05) collected nothing; the report on 2024-03-04:
    code, out, err = cli("treasury", "report", "--on", "2024-03-04", "--json")
    report = orjson.loads(out)
    assert (code, err) == (0, "")
    assert report["balance"] == 120000 - 10000 - 10000 + 2550 - 4000
    assert (report["months_averaged"], report["average_monthly_expenses"]) == (2, 12000)
    assert report["reserve_target"] == 36000
    assert report["available"] == report["balance"] - 36000
    assert [share["amount"] for share in report["split"]] == [25020, 18765, 18765]
    code, out, _ = cli("treasury", "report", "--on", "2024-03-04")
    assert "Available to send" in out and "625.50 USD" in out
    assert "averaged over 2 full months so far (fewer than 12)" in out

    code, out, _ = cli("treasury", "split", "--record", "--date", "2024-03-04")
    assert code == 0 and "Recorded as contributions on 2024-03-04" in out
    sent = [entry for entry in ledger_of(cli) if entry["kind"] == "contribution"]
    assert [(entry["to"], entry["amount"]) for entry in sent] == [
        ("District", 25020), ("Area", 18765), ("GSO", 18765)]
    report = orjson.loads(cli("treasury", "report", "--on", "2024-03-04", "--json")[1])
    assert report["available"] == 0 and report["balance"] == 36000

    from facilitator.store.database import Database
    with Database.open(group / "facilitator.json", writer=False) as database:
        assert {key: row["on_hand"] for key, row in database.stock().items()} == {
            "30d": 20, "1y": 5}


def test_split_of_an_amount_in_text_and_cents(cli, group):
    cli("treasury", "plan", "District 40", "Area 30", "GSO 30")
    code, out, _ = cli("treasury", "split", "0.01")
    assert code == 0
    assert [line.split()[-2] for line in out.splitlines()[1:4]] == ["0.01", "0.00", "0.00"]
    assert out.splitlines()[4] == ("Note: 0.01 USD is more than is available to send "
                                   "(0.00 USD): it takes from the prudent reserve.")


def test_the_command_takes_its_date_from_the_clock(db_path, monkeypatch, capsys, group):
    """`today` comes from the clock passed in: a date after it is in the future."""
    from datetime import datetime

    from facilitator.cli import build_parser

    args = build_parser().parse_args(["--db", str(db_path), "treasury", "report"])
    assert args.run(args, FakeClock(datetime(2024, 3, 5, 19, 0))) == 0
    assert "Treasury on Tue 5 Mar 2024" in capsys.readouterr().out


def test_a_locked_database_is_exit_3(cli, group, db_path):
    from facilitator.store.database import Database

    before = snapshot(group)
    with Database.open(db_path):
        result = cli("treasury", "opening", "5", "--date", "2024-03-05")
    assert result[0] == 3 and result[2].count("\n") == 1
    assert snapshot(group) == before


def test_export_and_merge_carry_each_groups_ledger(cli, group, tmp_path):
    cli("treasury", "add", "expense", "12.50", "--date", "2024-03-01", "--category", "rent",
        "--memo", "March")
    assert cli("export", "--format", "json", "-o", tmp_path / "a.json")[0] == 0
    document = orjson.loads((tmp_path / "a.json").read_bytes())
    assert document["ledger"]["entries"] == [{"kind": "expense", "date": "2024-03-01",
                                              "amount": "12.50", "category": "rent", "to": "",
                                              "memo": "March"}]
    document["ledger"]["entries"][0]["amount"] = "99.00"
    (tmp_path / "b.json").write_bytes(orjson.dumps(document))
    assert cli("merge", tmp_path / "a.json", tmp_path / "b.json", "-o", tmp_path / "m.json")[0] == 0
    merged = orjson.loads((tmp_path / "m.json").read_bytes())
    assert [g["ledger"]["entries"][0]["amount"] for g in merged["groups"]] == ["12.50", "99.00"]
    # one meeting's export leaves the group's ledger out
    code, out, _ = cli("export", "--format", "json", "--meeting", "Tuesday Night")
    assert code == 0 and "ledger" not in orjson.loads(out)


def test_the_treasurers_report_as_markdown(cli, group, tmp_path):
    cli("treasury", "opening", "100", "--date", "2024-02-01")
    cli("treasury", "add", "expense", "10", "--date", "2024-02-03", "--category", "rent",
        "--memo", "[x](http://evil.example)")
    code, out, _ = cli("export", "--format", "md", "--treasury", "--from", "2024-02-01",
                       "--to", "2024-02-29")
    assert code == 0
    assert "| Balance at the end | 90.00 USD |" in out
    assert "\\[x\\](http://evil.example)" in out
    before = snapshot(group)
    result = cli("export", "--format", "md", "--treasury", "-o", group / "facilitator.json")
    check_promises(result, before, snapshot(group))
    assert result[0] == 1
    assert cli("export", "--format", "md", "--treasury", "-o", tmp_path / "t.md")[0] == 0
    assert (tmp_path / "t.md").read_text(encoding="utf-8").startswith("# Treasurer's report")
