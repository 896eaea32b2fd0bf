"""`facilitator minutes`: back-filled votes with their arithmetic, minutes read out, carried
through export, import and merge, and refusals that leave every file as it was."""

import json

import orjson
import pytest

from tests.cli.hostile import (MEETING, check_promises, group, group_template,  # noqa: F401
                               snapshot)

ADD = ["minutes", "add", "--meeting", MEETING, "--date", "2024-03-05"]  # a record of 12
HOURS = "Move the meeting to 7 pm"


def test_a_vote_and_its_reconsideration_from_paper(cli, group):
    assert cli(*ADD, "--motion", HOURS, "--for", "7", "--against", "4", "--abstain", "1",
               "--threshold", "two-thirds") == (
        0, "recorded motion 'Move the meeting to 7 pm' at 'Tuesday Night' on 2024-03-05: "
           "7 for, 4 against, 1 abstaining: 63.6% of 11 < 66.7% — failed\n", "")
    code, out, err = cli(*ADD, "--motion", "move the meeting to 7 PM", "--for", "8",
                         "--against", "4", "--threshold", "two-thirds", "--revote")
    assert (code, err) == (0, "")
    assert out.endswith("8 for, 4 against: 66.7% of 12 ≥ 66.7% — carried\n")
    code, out, err = cli("minutes", "--meeting", "tuesday night")
    assert (code, err) == (0, "")
    assert out.startswith("# Business meeting minutes: Tuesday Night\n\n"
                          "## Tuesday Night, 2024-03-05\n\nAttendance: 12 attending.\n")
    # the motion keeps the words it was moved in
    assert "**Motion 1:** Move the meeting to 7 pm — **carried** (threshold: two-thirds)" in out
    assert out.count("- Vote (two-thirds)") == 2
    stored = json.loads(cli("minutes", "--format", "json")[1])["minutes"]
    history = [step["step"] for step in stored[0]["motions"][0]["history"]]
    assert history == ["moved", "vote", "minority", "reconsider", "vote", "decided"]


def test_a_report_is_kept_in_the_minutes_and_replaced_by_the_next_of_its_section(cli, group):
    report = ["minutes", "report", "--meeting", MEETING, "--date", "2024-03-05"]
    assert cli(*report, "--section", "Treasurer's report", "--text", "$12 in") == (
        0, "recorded the \"Treasurer's report\" at 'Tuesday Night' on 2024-03-05\n", "")
    assert cli(*report, "--section", "treasurer's REPORT", "--text", "$120 in, $80 rent")[0] == 0
    out = cli("minutes")[1]
    assert "Attendance: 12 attending." in out
    assert "- **treasurer's REPORT:** $120 in, $80 rent\n" in out and "$12 in" not in out


def test_nobody_signed_in_is_a_warning_not_a_refusal(cli, group):
    code, out, err = cli("minutes", "add", "--meeting", MEETING, "--date", "2024-04-02",
                         "--motion", "Buy books", "--for", "40", "--against", "0",
                         "--threshold", "unanimous")
    assert code == 0 and out.endswith("40 for, 0 against: nobody against — carried\n")
    assert err == ("facilitator: warning: nobody signed in: 40 hands counted could not be "
                   "checked against the attendance\n")


@pytest.mark.parametrize("argv, message", [
    ([*ADD, "--motion", HOURS, "--for", "10", "--against", "3"],
     "votes: 13 hands (for, against and abstaining) are more than the attendance (12)"),
    ([*ADD, "--motion", HOURS, "--for", "3", "--against", "1", "--revote"],
     "motion: has no vote recorded for this meeting to reconsider"),
    ([*ADD, "--motion", "Buy\u202ebooks", "--for", "3", "--against", "1"],
     "motion: cannot contain control characters"),
    ([*ADD, "--motion", " ", "--for", "3", "--against", "1"], "motion: cannot be empty"),
    ([*ADD, "--motion", HOURS, "--for", "3", "--against", "1", "--threshold", "most"],
     "argument --threshold: invalid choice"),
    (["minutes", "add", "--meeting", "Nowhere", "--date", "2024-03-05", "--motion", HOURS,
      "--for", "1", "--against", "0"], "meeting: there is no meeting named 'Nowhere'"),
    (["minutes", "--from", "2024-03-05", "--to", "2024-03-01"],
     "to: 2024-03-01 is before --from 2024-03-05"),
    (["minutes", "-o", "DB"], "output: "),
])
def test_refusals_are_one_line_and_write_nothing(cli, group, db_path, argv, message):
    before = snapshot(group)
    result = cli(*[db_path if part == "DB" else part for part in argv])
    check_promises(result, before, snapshot(group))
    assert result[0] == 1 and message in result[2]


def test_second_vote_and_unanimous_reconsideration_refused(cli, group):
    assert cli(*ADD, "--motion", HOURS, "--for", "9", "--against", "0")[0] == 0
    before = snapshot(group)
    for extra, message in [([], "motion: already recorded for this meeting; add --revote"),
                           (["--revote"], "the vote was unanimous: there is no minority")]:
        result = cli(*ADD, "--motion", HOURS, "--for", "5", "--against", "4", *extra)
        check_promises(result, before, snapshot(group))
        assert result[0] == 1 and message in result[2]


def test_export_import_and_merge_keep_the_minutes(cli, group, tmp_path, monkeypatch):
    assert cli(*ADD, "--motion", "Buy *books* <b>", "--for", "6", "--against", "3")[0] == 0
    assert cli(*ADD, "--motion", HOURS, "--for", "6", "--against", "6")[0] == 0
    assert cli("export", "--format", "json", "-o", tmp_path / "ours.json")[0] == 0
    exported = orjson.loads((tmp_path / "ours.json").read_bytes())
    assert [m["text"] for m in exported["minutes"][0]["motions"]] == ["Buy *books* <b>", HOURS]

    other = tmp_path / "other" / "facilitator.json"
    other.parent.mkdir()
    monkeypatch.setenv("FACILITATOR_DB", str(other))
    assert cli("meetings", "add", MEETING)[0] == 0
    assert cli("minutes", "import", tmp_path / "ours.json") == (
        0, "imported the minutes of 1 meeting (2 motions)\n", "")
    assert orjson.loads(cli("minutes", "--format", "json")[1])["minutes"] == exported["minutes"]
    before = snapshot(other.parent)
    result = cli("minutes", "import", tmp_path / "ours.json")
    check_promises(result, before, snapshot(other.parent))
    assert "already has minutes for 2024-03-05; add --replace" in result[2]

    assert cli("merge", tmp_path / "ours.json", tmp_path / "ours.json", "-o",
               tmp_path / "all.json")[0] == 0
    merged = orjson.loads((tmp_path / "all.json").read_bytes())
    assert [g["minutes"] for g in merged["groups"]] == [exported["minutes"]] * 2


def test_damaged_minutes_in_an_export_are_refused_by_merge_and_import(cli, group, tmp_path):
    document = orjson.loads((tmp_path / "input" / "group.json").read_bytes())
    document["minutes"] = [{"meeting": MEETING, "date": "2024-03-05", "motions": [
        {"text": "x\x1b[2J", "history": [{"step": "moved"}]}]}]
    (tmp_path / "bad.json").write_bytes(orjson.dumps(document))
    before = snapshot(group)
    for argv in (["merge", tmp_path / "bad.json", "-o", tmp_path / "out.json"],
                 ["minutes", "import", tmp_path / "bad.json"]):
        result = cli(*argv)
        check_promises(result, before, snapshot(group))
        assert "minutes[0], motion: cannot contain control characters" in result[2]
    assert not (tmp_path / "out.json").exists()


def test_damaged_stored_minutes_are_named_and_listed_by_doctor(cli, group, db_path):
    assert cli(*ADD, "--motion", HOURS, "--for", "6", "--against", "3")[0] == 0
    content = orjson.loads(db_path.read_bytes())
    content["tables"]["minutes"]["1"]["motions"][0]["history"].append({"step": "withdrawn"})
    db_path.write_bytes(orjson.dumps(content))
    code, _, err = cli("minutes")
    assert code == 2 and "minutes 1 is damaged: motion, history: cannot go from decided to " \
                          "withdrawn" in err
    code, out, _ = cli("doctor")
    assert code != 0 and "minutes 1: motion, history: cannot go from decided" in out


def test_minutes_follow_a_renamed_meeting_and_leave_with_it(cli, group):
    assert cli(*ADD, "--motion", HOURS, "--for", "6", "--against", "3")[0] == 0
    assert cli("meetings", "edit", MEETING, "--name", "Tuesday Group")[0] == 0
    assert "## Tuesday Group, 2024-03-05" in cli("minutes", "--meeting", "Tuesday Group")[1]
    code, _, err = cli("meetings", "remove", "Tuesday Group")
    assert code == 1 and "has 1 record and 1 set of minutes; add --with-records" in err
    assert cli("meetings", "remove", "Tuesday Group", "--with-records")[0] == 0
    assert json.loads(cli("minutes", "--format", "json")[1])["minutes"] == []


def test_doctor_names_minutes_of_no_known_meeting(cli, group, db_path):
    assert cli(*ADD, "--motion", HOURS, "--for", "6", "--against", "3")[0] == 0
    content = orjson.loads(db_path.read_bytes())
    content["tables"]["minutes"]["2"] = {**content["tables"]["minutes"]["1"],
                                         "meeting": "Gone Group"}
    db_path.write_bytes(orjson.dumps(content))
    code, out, _ = cli("doctor")
    assert code == 1 and "minutes 2: there is no meeting named 'Gone Group'" in out
