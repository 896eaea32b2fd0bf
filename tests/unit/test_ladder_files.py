"""Ladders as data: the built-in JSON files and a group's own text file, with errors by line."""

from datetime import date

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.chips.ladder_format import ladder_from_dict, ladder_from_text
from facilitator.core.settings import GroupSettings
from facilitator.store.ladders import available, group_ladder, ladders_folder, load_ladder

OURS = """\
# Tuesday Night chips
title: Tuesday Night chips

24 hours          | 24 hours
30 days           | 30 days     | silver
6 months
1 year            | 1 year      | bronze
every year from 2 | {n} years   | bronze
"""


def test_built_in_ladders_as_the_issue_lists_them():
    aa, na, monthly = (load_ladder(name) for name in ("aa", "na", "monthly"))
    assert [m.label for m in aa.milestones_through(3)] == [
        "24 hours", "30 days", "60 days", "90 days", "6 months", "9 months", "1 year",
        "18 months", "2 years", "3 years"]
    assert [m.title for m in na.milestones] == [
        "welcome (white)", "30 days (orange)", "60 days (green)", "90 days (red)",
        "6 months (blue)", "9 months (yellow)", "1 year (glow-in-the-dark)", "18 months (grey)"]
    assert na.milestone("2y").colour == "black"
    assert [m.key for m in monthly.milestones_through(2)] == [
        *(f"{n}m" for n in range(1, 12)), "1y", "18m", "2y"]


def test_a_group_text_file():
    ladder = ladder_from_text("ours", OURS, "ours.txt")
    assert ladder.title == "Tuesday Night chips"
    assert [(m.key, m.title) for m in ladder.milestones_through(3)] == [
        ("24h", "24 hours"), ("30d", "30 days (silver)"), ("6m", "6 months"),
        ("1y", "1 year (bronze)"), ("2y", "2 years (bronze)"), ("3y", "3 years (bronze)")]
    assert ladder.milestone("24h").date_for(date(2024, 2, 28)) == date(2024, 2, 29)


# (file text, the one-line error: file, line and what is wrong)
BAD_FILES = [
    ("30 days\n2 weeks", "ours.txt line 2: when: '2 weeks' is not N days, N months, N years"),
    ("30 days\n\n# note\n60 days\n2 months",
     "ours.txt line 5: order: '2 months' does not always fall after '60 days'"),
    ("48 hours", "ours.txt line 1: when: hours can only be 24 hours"),
    ("30 days | a | b | c", "ours.txt line 1: line: has more than WHEN | LABEL | COLOUR"),
    ("every year from 2\n5 years", "ours.txt line 2: every year: must be the last line"),
    ("1 year\nevery year from 1", "ours.txt line 2: order: '1 years' does not always fall"),
    ("every year from 2 | years", "ours.txt line 1: label: 'years' needs {n}"),
    ("0 months", "ours.txt line 1: months: must be at least 1"),
    ("30 days | " + "x" * 41, "ours.txt line 1: label: is 41 characters long; the limit is 40"),
    ("# only notes\n\n", "ours.txt: has no milestones"),
]


@pytest.mark.parametrize("text, message", BAD_FILES)
def test_a_mistake_names_the_file_and_line(text, message):
    with pytest.raises(ValidationError) as caught:
        ladder_from_text("ours", text, "ours.txt")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


BAD_JSON = [
    ([], "built-in x: ladder: is not an object"),
    ({"milestones": [{"label": "a"}]}, "milestone 1: needs exactly one of days, months"),
    ({"milestones": [{"label": "a", "days": 1, "weeks": 2}]}, "unknown field 'weeks'"),
    ({"milestones": [{"label": "a", "days": "x"}]}, "milestone 1: days: must be a whole number"),
    ({"milestones": [], "every_year": {"from": 0}}, "every year from: must be at least 1"),
]


@pytest.mark.parametrize("data, message", BAD_JSON)
def test_json_mistakes_name_the_milestone(data, message):
    with pytest.raises(ValidationError, match=message):
        ladder_from_dict("x", data, "built-in x")


def test_loader_finds_the_group_files_beside_the_database(tmp_path):
    db_path = tmp_path / "facilitator.json"
    folder = ladders_folder(db_path)
    folder.mkdir()
    (folder / "ours.txt").write_text(OURS, encoding="utf-8")
    (folder / "aa.txt").write_text("24 hours | 24 horas\n30 days | 30 días\n", encoding="utf-8")
    (folder / "Not A Name.txt").write_text("30 days", encoding="utf-8")
    assert available(db_path) == ["aa", "na", "monthly", "ours"]
    assert load_ladder("ours", db_path).title == "Tuesday Night chips"
    assert load_ladder("aa", db_path).milestone("30d").label == "30 días"  # replaces the built-in
    assert load_ladder("aa").milestone("30d").label == "30 days"
    settings = GroupSettings(ladder="ours", leap_day="mar1")
    assert group_ladder(settings, db_path).leap_day == "mar1"


def test_loader_errors(tmp_path):
    db_path = tmp_path / "facilitator.json"
    with pytest.raises(ValidationError, match=r"no ladder named 'ours'; choose one of aa, na, "
                                              r"monthly; a group's own ladder goes in .*ours.txt"):
        load_ladder("ours", db_path)
    with pytest.raises(ValidationError, match="'../x' is not a ladder name"):
        load_ladder("../x", db_path)
    ladders_folder(db_path).mkdir()
    (ladders_folder(db_path) / "bad.txt").write_bytes(b"30 days\n60 d\xe4ys\n")
    with pytest.raises(ValidationError, match=r"bad.txt line 2: is not UTF-8 text"):
        load_ladder("bad", db_path)
