"""The minutes round trip onto another laptop: records through the CSV export and `import`,
the minutes through the JSON export and `minutes import`; `import` given the JSON says so
in one line and writes nothing."""

import orjson

from tests.cli.hostile import (MEETING, check_promises, group, group_template,  # noqa: F401
                               snapshot)

ADD = ["minutes", "add", "--meeting", MEETING, "--date", "2024-03-05"]


def test_records_and_minutes_reach_a_new_database(cli, group, tmp_path, monkeypatch):
    assert cli(*ADD, "--motion", "Buy *books* <b>", "--for", "6", "--against", "3")[0] == 0
    assert cli(*ADD, "--motion", "Buy *books* <b>", "--for", "7", "--against", "2",
               "--revote")[0] == 0
    assert cli("minutes", "report", "--meeting", MEETING, "--date", "2024-03-05",
               "--section", "Treasurer's report", "--text", "Balance 412.50 USD")[0] == 0
    assert cli("export", "--format", "csv", "-o", tmp_path / "ours.csv")[0] == 0
    assert cli("export", "--format", "json", "-o", tmp_path / "ours.json")[0] == 0
    minutes_before = orjson.loads(cli("minutes", "--format", "json")[1])["minutes"]
    markdown_before = cli("minutes")[1]

    other = tmp_path / "laptop" / "facilitator.json"
    other.parent.mkdir()
    monkeypatch.setenv("FACILITATOR_DB", str(other))
    assert cli("import", tmp_path / "ours.csv")[0] == 0
    before = snapshot(other.parent)
    result = cli("import", tmp_path / "ours.json")
    check_promises(result, before, snapshot(other.parent))
    assert result[0] == 1
    assert "ours.json is JSON; import records from `export --format csv`" in result[2]
    assert "`facilitator minutes import FILE.json`" in result[2]

    assert cli("minutes", "import", tmp_path / "ours.json")[0] == 0
    assert orjson.loads(cli("minutes", "--format", "json")[1])["minutes"] == minutes_before
    assert cli("minutes")[1] == markdown_before
    history = minutes_before[0]["motions"][0]["history"]
    assert [step["vote"]["for"] for step in history if "vote" in step] == [6, 7]  # both votes
    assert minutes_before[0]["reports"] == [{"section": "Treasurer's report",
                                             "text": "Balance 412.50 USD"}]
