"""A hostile corpus, class by class, into each command-line argument that takes it.

Every refusal: exit 1, exactly one line on stderr naming the field, no traceback, no raw
control character printed, and every file of the database byte for byte as it was.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.hostile import (CORPUS, MEETING, check_promises, copy_group, group,  # noqa: F401
                               group_template, snapshot)

V = object()  # where the hostile value goes
MINUTES_ADD = ["minutes", "add", "--meeting", MEETING, "--date", "2024-03-05", "--motion",
               "Move the meeting to 7 pm", "--for", "6", "--against", "3"]

# (argument, the command line, the field the message names, what the argument is)
ARGUMENTS = [
    ("record --date", ["record", "--meeting", MEETING, "--attendance", "5", "--date", V],
     "date", "date"),
    ("record --attendance", ["record", "--meeting", MEETING, "--date", "2024-03-12",
                             "--attendance", V], "attendance", "count"),
    ("record --newcomers", ["record", "--meeting", MEETING, "--date", "2024-03-12",
                            "--attendance", "5", "--newcomers", V], "newcomers", "count"),
    ("record --collection", ["record", "--meeting", MEETING, "--date", "2024-03-12",
                             "--attendance", "5", "--collection", V], "collection", "money"),
    ("record --note", ["record", "--meeting", MEETING, "--date", "2024-03-12",
                       "--attendance", "5", "--note", V], "note", "text"),
    ("record --meeting", ["record", "--date", "2024-03-12", "--attendance", "5",
                          "--meeting", V], "meeting", "lookup"),
    ("meetings add NAME", ["meetings", "add", V], "name", "text"),
    ("meetings add --types", ["meetings", "add", "New", "--types", V], "types", "code"),
    ("meetings add --day", ["meetings", "add", "New", "--day", V], "day", "code"),
    ("meetings add --time", ["meetings", "add", "New", "--time", V], "time", "code"),
    ("meetings add --duration", ["meetings", "add", "New", "--duration", V], "duration",
     "count"),
    ("meetings add --share-minutes", ["meetings", "add", "New", "--share-minutes", V],
     "share minutes", "count"),
    ("meetings edit --name", ["meetings", "edit", MEETING, "--name", V], "name", "text"),
    ("meetings remove NAME", ["meetings", "remove", V], "meeting", "lookup"),
    ("history --from", ["history", "--from", V], "from", "date"),
    ("history --to", ["history", "--to", V], "to", "date"),
    ("history --meeting", ["history", "--meeting", V], "meeting", "lookup"),
    ("export --from", ["export", "--format", "csv", "--from", V], "from", "date"),
    ("chips DATE", ["chips", V], "sober date", "date"),
    ("chips --on", ["chips", "2020-01-01", "--on", V], "on", "date"),
    ("chips --ladder", ["chips", "2020-01-01", "--ladder", V], "ladder", "code"),
    ("chips stock set N", ["chips", "stock", "set", "30d", V], "number", "count"),
    ("chips stock set --reorder", ["chips", "stock", "set", "30d", "5", "--reorder", V],
     "reorder level", "count"),
    ("demo --seed", ["demo", "--no-open", "--seed", V], "seed", "count"),
    *[(f"minutes add --{name}", [*MINUTES_ADD, f"--{name}", V], field, kind)
      for name, field, kind in [("motion", "motion", "text"), ("for", "for", "count"),
                                ("against", "against", "count"),
                                ("abstain", "abstain", "count"), ("date", "date", "date"),
                                ("meeting", "meeting", "lookup")]],
    ("minutes report --section", ["minutes", "report", "--meeting", MEETING, "--date",
                                  "2024-03-05", "--section", V], "report", "text"),
    ("minutes report --text", ["minutes", "report", "--meeting", MEETING, "--date",
                               "2024-03-05", "--section", "GSR", "--text", V],
     "report text", "text"),
    ("minutes --from", ["minutes", "--from", V], "from", "date"),
    ("minutes --meeting", ["minutes", "--meeting", V], "meeting", "lookup"),
]

# Classes a free text (a meeting name, a note) refuses; it keeps everything else as text.
REFUSED_AS_TEXT = {"OSC title escape", "CSI clear screen", "C1 CSI", "DEL", "NUL-free C0",
                   "newline", "right-to-left override", "bidi isolate",
                   "not UTF-8 (surrogates)", "huge", "5,000 digits"}  # too long for both


def expected_code(kind: str, name: str) -> int:
    if kind == "text":
        return 1 if name in REFUSED_AS_TEXT else 0
    return 1  # a date, count, amount, code or a meeting's name: nothing in CORPUS is one


@pytest.mark.parametrize("argument, argv, field, kind", ARGUMENTS,
                         ids=[case[0] for case in ARGUMENTS])
def test_hostile_values_are_refused_in_one_line_and_nothing_is_written(
        cli, group, group_template, db_path, argument, argv, field, kind):
    """Each class of the corpus in turn (one test per argument keeps the suite quick)."""
    broken = {}
    for value_name, value in CORPUS.items():
        before = snapshot(group)
        result = cli(*[value if part is V else part for part in argv])
        try:
            check_promises(result, before, snapshot(group))
            code, _, err = result
            assert code == expected_code(kind, value_name), result[1:]
            if code and value_name == "not UTF-8 (surrogates)":
                assert err.endswith(": not valid text (it holds bytes that are not UTF-8)\n")
            elif code and kind != "lookup":
                assert err.startswith((f"facilitator: {field}: ", f"facilitator: --{field}"))
        except AssertionError as failure:
            broken[value_name] = f"{failure} {str(result)[:300]}"
        if result[0] == 0:  # accepted: start the next class from the same group again
            copy_group(group_template, db_path, group.parent / "input", replace=True)
    assert broken == {}


@pytest.mark.parametrize("argv, message", [
    (["meetings", "add", "X", "--types", "O,\x1b]0;X\x07"],
     "facilitator: types: unknown Meeting Guide type code \\x1b]0;X\\x07\n"),
    (["record", "--meeting", MEETING, "--date", "2024-03-12", "--attendance", "100001"],
     "facilitator: attendance: 100001 is more than 100,000\n"),
    (["record", "--meeting", MEETING, "--date", "2024-03-12", "--attendance", "9" * 5000],
     "facilitator: attendance: 99999999999999999999999… is more than 100,000\n"),
    (["record", "--meeting", MEETING, "--date", "2024-03-12", "--attendance", "5",
      "--shares", "200000"], "facilitator: shares: 200000 is more than 100,000\n"),
    (["record", "--meeting", MEETING, "--date", "0000-01-01", "--attendance", "5"],
     "facilitator: date: 0000-01-01 is before 1900-01-01\n"),
    (["record", "--meeting", MEETING, "--date", "2025-13-01", "--attendance", "5"],
     "facilitator: date: there is no month 13\n"),
    (["record", "--meeting", MEETING, "--date", "2024-03-12", "--attendance", "5",
      "--collection", "1e308"],
     "facilitator: collection: '1e308' is not an amount; type it like 12.50 (two decimals at "
     "most)\n"),
    (["record", "--meeting", MEETING, "--date", "2024-03-12", "--attendance", "5",
      "--collection", "9" * 5000],
     "facilitator: collection: amount is too large; the limit is 10,000,000.00\n"),
    (["history", "--from", "0001-01-01"], "facilitator: from: 0001-01-01 is before 1900-01-01\n"),
    (["history", "--to", "9998-01-01"],
     "facilitator: to: 9998-01-01 is more than 100 years from today\n"),
    (["chips", "0001-01-01"], "facilitator: sober date: 0001-01-01 is more than 100 years ago\n"),
    (["chips", "2000-01-01", "--on", "2100-01-02"],
     "facilitator: on: 2100-01-02 is more than 100 years after the sober date 2000-01-01\n"),
    (["meetings", "add", "Bad\u202eName"],
     "facilitator: name: cannot contain control characters\n"),
    (["export", "--format", "\x1b[2Jcsv"],
     "facilitator export: argument --format: invalid choice: '\\x1b[2Jcsv' (choose from 'csv', "
     "'json', 'md') (see `facilitator export --help`)\n"),
    (["--db", "caf\udce9.json", "history"],
     "facilitator: --db: not valid text (it holds bytes that are not UTF-8)\n"),
    (["meetings", "add", "caf\udce9"],
     "facilitator: name: not valid text (it holds bytes that are not UTF-8)\n"),
    (["chips", "--on=\udcff", "2020-01-01"],
     "facilitator: --on: not valid text (it holds bytes that are not UTF-8)\n"),
])
def test_each_message_names_the_field_and_its_real_limit(cli, group, argv, message):
    before = snapshot(group)
    result = cli(*argv)
    check_promises(result, before, snapshot(group))
    assert result == (1, "", message)


def test_a_huge_argument_is_cut_in_the_message(cli, group):
    code, out, err = cli("meetings", "add", "X", "--types", "Q" * 100_000)
    assert (code, out) == (1, "")
    assert err.startswith("facilitator: types: unknown Meeting Guide type code QQQ")
    assert err.endswith("…\n") and len(err) <= 420


def test_a_name_that_is_not_utf8_is_refused_by_the_real_command(run_cli, db_path, tmp_path):
    """The bytes reach Python as surrogates: exit 1 naming the argument, nothing created."""
    environment = {**os.environ, "FACILITATOR_DB": str(db_path), "HOME": str(tmp_path),
                   "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "facilitator", "meetings", "add", b"caf\xe9"],
                          capture_output=True, env=environment, cwd=tmp_path, timeout=60)
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr == b"facilitator: name: not valid text (it holds bytes that are not UTF-8)\n"
    assert not db_path.exists()


def test_markup_in_a_name_is_kept_as_text_and_printed_plainly(cli, group):
    name = CORPUS["markup"]
    assert cli("meetings", "add", name)[0] == 0
    code, out, _ = cli("meetings", "list")
    assert code == 0 and name in out
