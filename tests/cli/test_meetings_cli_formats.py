"""`facilitator meetings edit|list|import|format`, run in-process against a temporary database."""

import json
from datetime import datetime, time

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.meeting.agenda import Format
from facilitator.store.database import Database


def stored(db_path):
    with Database.open(db_path, writer=False) as database:
        return {meeting.name: meeting for meeting in database.meetings()}


def write(path, content) -> str:
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


FEED = [
    {"name": "Sunday Serenity", "slug": "sunday-serenity", "day": 0, "time": "10:00",
     "end_time": "11:00", "types": ["O", "D"], "notes": "Use the side door."},
    {"name": "Late Night", "slug": "late-night", "day": [5, 6], "time": "23:30",
     "end_time": "01:00", "types": ["C"]},
]


# -- edit ----------------------------------------------------------------------------------

def test_edit_changes_any_setting(cli, db_path):
    cli("meetings", "add", "Tuesday Night", "--day", "tue", "--time", "19:00")
    status, out, _ = cli("meetings", "edit", "tuesday night", "--name", "Tue Night", "--day",
                         "wed,fri", "--time", "18:30", "--duration", "75", "--share-minutes", "3",
                         "--types", "o,12x12", "--queue-mode", "Round", "--no-priority")
    assert status == 0 and out.startswith("updated meeting 'Tue Night'")
    meeting = stored(db_path)["Tue Night"]
    assert (meeting.days, meeting.start, meeting.duration_minutes, meeting.share_minutes,
            meeting.types, meeting.queue_mode, meeting.priority) == (
        (2, 4), time(18, 30), 75, 3, ("O", "12x12"), "round", False)
    assert list(stored(db_path)) == ["Tue Night"]


def test_edit_can_clear_the_schedule(cli, db_path):
    cli("meetings", "add", "Group", "--day", "tue", "--time", "19:00", "--duration", "60")
    assert cli("meetings", "edit", "Group", "--no-schedule")[0] == 0
    meeting = stored(db_path)["Group"]
    assert (meeting.days, meeting.start, meeting.duration_minutes) == ((), None, None)


@pytest.mark.parametrize("argv, message", [
    (["Group"], "facilitator: edit: nothing to change"),
    (["Group", "--queue-mode", "lottery"], "facilitator: queue mode: must be one of"),
    (["Group", "--day", "someday"], "facilitator: day: 'someday' is not a weekday"),
    (["Group", "--duration", "0"], "facilitator: duration: must be at least 1 minute"),
    (["Group", "--types", "O,NOPE"], "facilitator: types: unknown Meeting Guide type code NOPE"),
    (["Nobody", "--day", "tue"], "facilitator: meeting: there is no meeting named 'Nobody'"),
    (["Group", "--name", "Other"], "facilitator: name: a meeting named 'Other' already exists"),
])
def test_edit_refuses_bad_values_and_writes_nothing(cli, db_path, argv, message):
    cli("meetings", "add", "Group", "--day", "tue", "--time", "19:00")
    cli("meetings", "add", "Other")
    before = db_path.read_bytes()
    status, _, err = cli("meetings", "edit", *argv)
    assert (status, err.strip().splitlines()) == (1, [err.strip()])
    assert err.startswith(message)
    assert db_path.read_bytes() == before


# -- list ----------------------------------------------------------------------------------

def test_list_shows_the_next_occurrence(cli, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    clock = FakeClock(datetime(2026, 11, 28, 23, 45))  # a Saturday
    cli("meetings", "add", "Late", "--day", "sat", "--time", "23:30", "--duration", "90")
    cli("meetings", "add", "Morning", "--day", "mon", "--time", "07:00")
    cli("meetings", "add", "Whenever")
    cli("meetings", "format", "Morning", "--template", "smart")
    status, out, _ = cli("meetings", "list", clock=clock)
    lines = out.splitlines()
    assert status == 0 and len(lines) == 3
    assert "in progress since 23:30" in lines[0]
    assert "next Mon 2026-11-30 07:00" in lines[1] and "format 6 sections" in lines[1]
    assert "next" not in lines[2] and "Whenever" in lines[2]


# -- import --------------------------------------------------------------------------------

def test_import_a_good_feed(cli, db_path, tmp_path):
    status, out, err = cli("meetings", "import", write(tmp_path / "feed.json", FEED))
    assert (status, out.strip(), err) == (0, "imported 2 meetings from feed.json", "")
    meetings = stored(db_path)
    sunday, late = meetings["Sunday Serenity"], meetings["Late Night"]
    assert (sunday.days, sunday.start, sunday.duration_minutes, sunday.types) == (
        (6,), time(10), 60, ("O", "D"))
    assert (late.days, late.start, late.duration_minutes) == ((4, 5), time(23, 30), 90)
    assert b"side door" not in db_path.read_bytes()  # notes are not kept


def test_a_feed_with_bad_entries_writes_nothing(cli, db_path, tmp_path):
    cli("meetings", "add", "Existing")
    before = db_path.read_bytes()
    feed = FEED + [{"name": "Broken", "slug": "b", "day": 9}, {"slug": "no-name"}]
    status, out, err = cli("meetings", "import", write(tmp_path / "feed.json", feed))
    assert status == 1 and out == ""
    assert err.splitlines() == [
        "bad entry: index 2 'Broken': day: 9 is not 0 (Sunday) to 6 (Saturday)",
        "bad entry: index 3: name: is missing",
        "facilitator: import: 2 of 4 entries are bad; nothing imported (correct them, or add "
        "--skip-bad to import the rest)",
    ]
    assert db_path.read_bytes() == before


def test_skip_bad_imports_the_good_ones_and_reports_the_rest(cli, db_path, tmp_path):
    feed = FEED + [{"name": "Broken", "slug": "b", "time": "25:00"}]
    status, out, err = cli("meetings", "import", "--skip-bad", write(tmp_path / "f.json", feed))
    assert status == 0
    assert out.strip() == "imported 2 meetings from f.json; skipped 1 bad entry"
    assert err.strip() == "bad entry: index 2 'Broken': time: '25:00' is not HH:MM (24-hour)"
    assert sorted(stored(db_path)) == ["Late Night", "Sunday Serenity"]


def test_unknown_type_codes_are_reported_and_left_out(cli, db_path, tmp_path):
    feed = [dict(FEED[0], types=["O", "MOON", "D"])]
    status, _, err = cli("meetings", "import", write(tmp_path / "f.json", feed))
    assert status == 0
    assert err.strip() == "warning: index 0 'Sunday Serenity': unknown type codes MOON (left out)"
    assert stored(db_path)["Sunday Serenity"].types == ("O", "D")


def test_a_name_already_in_the_database_is_a_bad_entry(cli, db_path, tmp_path):
    cli("meetings", "add", "late night")
    status, _, err = cli("meetings", "import", write(tmp_path / "f.json", FEED))
    assert status == 1
    assert "bad entry: index 1 'Late Night': name: is already a meeting in the database" in err
    assert list(stored(db_path)) == ["late night"]


@pytest.mark.parametrize("content, message", [
    ("", "facilitator: import: {path} is empty"),
    ("  \n", "facilitator: import: {path} is empty"),
    ("<html>not json</html>", "facilitator: import: {path} is not JSON ("),
    ('[{"name": "x",', "facilitator: import: {path} is not JSON ("),
    ('{"meetings": []}', "facilitator: feed: must be a JSON list of meetings"),
    ('"text"', "facilitator: feed: must be a JSON list of meetings"),
])
def test_unusable_files_get_one_line_and_exit_1(cli, db_path, tmp_path, content, message):
    path = write(tmp_path / "feed.json", content)
    status, out, err = cli("meetings", "import", path)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith(message.format(path=path))
    assert stored(db_path) == {}


def test_missing_file_and_empty_list(cli, tmp_path):
    status, _, err = cli("meetings", "import", str(tmp_path / "absent.json"))
    assert status == 1 and err.strip().endswith("absent.json does not exist")
    status, out, _ = cli("meetings", "import", write(tmp_path / "empty.json", []))
    assert status == 0 and "holds no meetings" in out


# -- format --------------------------------------------------------------------------------

def test_format_from_a_template_is_stored_with_the_meeting(cli, db_path):
    cli("meetings", "add", "Group")
    status, out, _ = cli("meetings", "format", "Group", "--template", "discussion")
    assert status == 0 and out.strip() == "set the format of 'Group': 8 sections, 60 min"
    agenda = Format.from_list(stored(db_path)["Group"].agenda)
    assert agenda.total_minutes == 60 and agenda.sections[6].kind == "shares"
    status, out, _ = cli("meetings", "format", "Group", "--show")
    assert out.splitlines()[0] == "Group: 8 sections, 60 min"
    assert out.splitlines()[7].split() == ["7.", "Shares", "40", "min", "shares"]


def test_format_json_round_trips_through_from_file(cli, db_path, tmp_path):
    cli("meetings", "add", "Group")
    cli("meetings", "add", "Other")
    cli("meetings", "format", "Group", "--template", "speaker")
    _, shown, _ = cli("meetings", "format", "Group", "--json")
    assert cli("meetings", "format", "Other", "--from-file", write(tmp_path / "f.json", shown))[0] == 0
    meetings = stored(db_path)
    assert meetings["Other"].agenda == meetings["Group"].agenda


def test_format_from_toml_warns_about_missing_readings(cli, db_path, tmp_path):
    cli("meetings", "add", "Group")
    toml = ('[[sections]]\ntitle = "Opening"\nminutes = 3\nreading = "preamble.txt"\n'
            '[[sections]]\ntitle = "Shares"\nminutes = 50\nkind = "shares"\n')
    status, out, err = cli("meetings", "format", "Group", "--from-file", write(tmp_path / "f.toml", toml))
    assert status == 0 and "2 sections, 53 min" in out
    assert err.strip() == f"warning: reading file {db_path.parent / 'readings' / 'preamble.txt'} " \
        "does not exist yet"
    assert stored(db_path)["Group"].agenda[0]["reading"] == "preamble.txt"


@pytest.mark.parametrize("name, content, message", [
    ("f.json", "", "format: {path} is empty"),
    ("f.json", "[1, 2", "format: {path} is not JSON"),
    ("f.toml", "title = = 3", "format: {path} is not TOML"),
    ("f.toml", 'title = "x"', "format: {path} has no [[sections]] tables"),
    ("f.json", '[{"title": "A", "minutes": 0}]', "section 1 minutes: must be from 1 to 240"),
    ("f.json", '[{"title": "A"}]', "section 1 minutes: is missing"),
    ("f.json", '{"title": "A"}', "format: must be a list of sections"),
])
def test_bad_format_files_change_nothing(cli, db_path, tmp_path, name, content, message):
    cli("meetings", "add", "Group")
    cli("meetings", "format", "Group", "--template", "smart")
    before = db_path.read_bytes()
    path = write(tmp_path / name, content)
    status, _, err = cli("meetings", "format", "Group", "--from-file", path)
    assert status == 1 and err.startswith(f"facilitator: {message.format(path=path)}")
    assert len(err.strip().splitlines()) == 1
    assert db_path.read_bytes() == before


def test_format_clear_and_show_without_format(cli, db_path):
    cli("meetings", "add", "Group")
    cli("meetings", "format", "Group", "--template", "smart")
    assert cli("meetings", "format", "Group", "--clear")[1].strip() == "cleared the format of 'Group'"
    assert stored(db_path)["Group"].agenda == ()
    assert cli("meetings", "format", "Group")[1].startswith("Group has no format;")
