"""`facilitator meetings add|list|remove` and `facilitator record`, as a secretary uses them."""

from datetime import date, time
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.paths import backup_paths

TUESDAY = Meeting(name="Tuesday Night", days=(1,), start=time(19, 0))
FRIDAY = Meeting(name="Friday Step")


@pytest.fixture
def group(db_path: Path) -> Path:
    """Two meetings and one Friday record; numeric dates are day-first for this group."""
    with Database.open(db_path) as database:
        database.add_meeting(TUESDAY)
        database.add_meeting(FRIDAY)
        database.save_settings(GroupSettings(currency="CAD", date_order="dayfirst"))
        database.add_record(Record(meeting="Friday Step", date=date(2024, 3, 1), attendance=6))
    return db_path


@pytest.fixture
def in_process(db_path: Path, capsys, monkeypatch):
    """cli.main in this process (fast, for long tables); returns (code, stdout, stderr)."""
    monkeypatch.delenv("FACILITATOR_DB", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = cli.main(["--db", str(db_path), *args])
        except SystemExit as exit_:  # argparse's own exit for usage errors
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def stored(db_path: Path) -> tuple:
    with Database.open(db_path, writer=False) as database:
        return database.meetings(), database.records()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".lock")}


def refused(result, field: str, reason: str) -> None:
    code, out, err = result
    assert (code, out) == (1, ""), result
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"facilitator: {field}: " if field else "facilitator"), err
    assert reason in err, err


# -- meetings add / list / remove ------------------------------------------------------------

def test_add_then_list_shows_and_stores_the_meeting(run_cli, db_path):
    """Every option given is stored as typed, and list shows it."""
    code, out, err = run_cli("meetings", "add", " Tuesday Night ", "--day", "tue,thu", "--time",
                             "19:00", "--duration", "60", "--share-minutes", "4", "--types", "o,D")
    assert (code, out, err) == (0, "added meeting 'Tuesday Night'\n", "")
    assert stored(db_path)[0] == [Meeting(name="Tuesday Night", days=(1, 3), start=time(19, 0),
                                          duration_minutes=60, share_minutes=4, types=("O", "D"))]
    assert run_cli("meetings", "add", "Friday Step")[0] == 0
    code, out, _ = run_cli("meetings", "list")
    lines = out.splitlines()
    assert code == 0 and [line.split("  ")[0] for line in lines] == ["Friday Step", "Tuesday Night"]
    assert "tue, thu 19:00 (60 min)" in lines[1] and "shares 4 min" in lines[1]
    assert "types O,D" in lines[1]


def test_list_on_a_new_database_says_how_to_start_and_creates_nothing(run_cli, db_path):
    code, out, _ = run_cli("meetings", "list")
    assert code == 0 and "facilitator meetings add NAME" in out
    assert not db_path.exists()


BAD_MEETINGS = [
    (["Tuesday Night"], "name", "a meeting named 'Tuesday Night' already exists"),
    (["TUESDAY night"], "name", "a meeting named 'Tuesday Night' already exists"),
    (["   "], "name", "cannot be empty"),
    (["x" * 81], "name", "the limit is 80"),
    (["Bad\x01Name"], "name", "control characters"),
    (["New", "--day", "xyz"], "day", "'xyz' is not a weekday"),
    (["New", "--day", "t"], "day", "'t' is not a weekday"),
    (["New", "--time", "25:00"], "time", "'25:00' is not a time"),
    (["New", "--time", "7pm"], "time", "use HH:MM"),
    (["New", "--duration", "0"], "duration", "at least 1 minute"),
    (["New", "--duration", "an hour"], "duration", "must be a whole number"),
    (["New", "--duration", "1441"], "duration", "is more than 1,440"),
    (["New", "--share-minutes", "0"], "share minutes", "from 1 to 30"),
    (["New", "--share-minutes", "31"], "share minutes", "31 is more than 30"),
    (["New", "--types", "O,ZZZ"], "types", "unknown Meeting Guide type code ZZZ"),
    ([], "", "the following arguments are required: name"),
]


@pytest.mark.parametrize("arguments, field, reason", BAD_MEETINGS)
def test_meetings_add_refuses_bad_input_in_one_line(group, in_process, arguments, field,
                                                    reason):
    """Exit 1, one line naming the field, nothing written."""
    before = files(group.parent)
    refused(in_process("meetings", "add", *arguments), field, reason)
    assert files(group.parent) == before


def test_remove_is_refused_while_records_exist(group, run_cli):
    before = files(group.parent)
    code, out, err = run_cli("meetings", "remove", "friday step")
    refused((code, out, err), "meeting", "'Friday Step' has 1 record; add --with-records")
    assert files(group.parent) == before


def test_remove_with_records_takes_only_that_meetings_records(group, run_cli):
    with Database.open(group) as database:
        database.add_record(Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=9))
    code, out, err = run_cli("meetings", "remove", "Friday Step", "--with-records")
    assert (code, err) == (0, "") and "and its 1 record" in out
    meetings, records = stored(group)
    assert meetings == [TUESDAY]
    assert [(r.meeting, r.date) for r in records] == [("Tuesday Night", date(2024, 3, 5))]


def test_remove_without_records_and_remove_unknown(group, run_cli):
    assert run_cli("meetings", "remove", "tuesday night")[0] == 0
    assert stored(group)[0] == [FRIDAY]
    refused(run_cli("meetings", "remove", "Tuesday Night"), "meeting",
            "there is no meeting named 'Tuesday Night'")


# -- record ------------------------------------------------------------------------------

def test_record_stores_exactly_what_was_typed(group, run_cli):
    """Counts, cents, the group's currency, the canonical meeting name; a backup is written."""
    code, out, err = run_cli("record", "--meeting", "tuesday night", "--date", "05/03/2024",
                             "--attendance", "21", "--newcomers", "2", "--visitors", "1",
                             "--online", "4", "--shares", "9", "--collection", "31,50",
                             "--note", "  Rain; the coffee ran out.  ")
    assert (code, err) == (0, "")
    assert out == "recorded 'Tuesday Night' on 2024-03-05: 21 attending, 2 newcomers\n"
    expected = Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=21,
                      newcomers=2, visitors=1, online=4, shares=9, collection=3150,
                      currency="CAD", note="Rain; the coffee ran out.")
    with Database.open(group, writer=False) as database:
        assert database.find_record("TUESDAY NIGHT", date(2024, 3, 5)) == expected
    assert b"coffee ran out" in backup_paths(group)[0].read_bytes()


def test_a_second_record_for_the_day_needs_replace(group, run_cli):
    """Refused (exit 1, unchanged) unless --replace, which keeps a single record."""
    before = files(group.parent)
    base = ("record", "--meeting", "Friday Step", "--date", "2024-03-01")
    refused(run_cli(*base, "--attendance", "8"), "date",
            "'Friday Step' already has a record for 2024-03-01; add --replace to overwrite it")
    assert files(group.parent) == before
    code, _, err = run_cli(*base, "--attendance", "8", "--replace")
    assert (code, err) == (0, "")
    assert [(r.date, r.attendance) for r in stored(group)[1]] == [(date(2024, 3, 1), 8)]


RECORD = ["--meeting", "Tuesday Night", "--date", "2024-03-05", "--attendance", "20"]
BAD_RECORDS = [
    ({"--attendance": "-3"}, "attendance", "must be a whole number, not '-3'"),
    ({"--attendance": "ten"}, "attendance", "must be a whole number, not 'ten'"),
    ({"--attendance": "1.5"}, "attendance", "must be a whole number"),
    ({"--attendance": "100001"}, "attendance", "100001 is more than 100,000"),
    ({"--newcomers": "21"}, "newcomers", "21 is more than the attendance (20)"),
    ({"--newcomers": "two"}, "newcomers", "must be a whole number"),
    ({"--visitors": "21"}, "visitors", "21 is more than the attendance (20)"),
    ({"--online": "25"}, "online", "25 is more than the attendance (20)"),
    ({"--shares": "-1"}, "shares", "must be a whole number"),
    ({"--collection": "1.234"}, "collection", "two decimals at most"),
    ({"--collection": "-5"}, "collection", "is not an amount"),
    ({"--collection": ""}, "collection", "is not an amount"),
    ({"--collection": "ten dollars"}, "collection", "is not an amount"),
    ({"--date": "2024-02-30"}, "date", "2024-02-30 does not exist"),
    ({"--date": "March 2024"}, "date", "is not a whole date"),
    ({"--date": "5/3/24"}, "date", "four digits"),
    ({"--date": "2999-01-01"}, "date", "2999-01-01 is in the future"),
    ({"--meeting": "Sunday"}, "meeting", "there is no meeting named 'Sunday'"),
    ({"--meeting": ""}, "meeting", "there is no meeting named ''"),
    ({"--note": "line one\nline two"}, "note", "control characters"),
    ({"--note": "n" * 1001}, "note", "the limit is 1000"),
    ({"--attendance": None}, "", "the following arguments are required: --attendance"),
    ({"--bogus": "1"}, "", "unrecognized arguments: --bogus 1"),
]


def _record_arguments(changes: dict) -> list[str]:
    values = dict(zip(RECORD[::2], RECORD[1::2])) | changes
    return [part for option, value in values.items() if value is not None
            for part in (option, value)]


@pytest.mark.parametrize("changes, field, reason", BAD_RECORDS,
                         ids=[f"{next(iter(c))}={next(iter(c.values()))!r}"[:30]
                              for c, _, _ in BAD_RECORDS])
def test_record_refuses_bad_input_in_one_line(group, in_process, changes, field, reason):
    """Exit 1, one line naming the field, nothing written."""
    before = files(group.parent)
    refused(in_process("record", *_record_arguments(changes)), field, reason)
    assert files(group.parent) == before


def test_a_refused_record_on_a_new_database_leaves_no_file(run_cli, db_path):
    refused(run_cli("record", *RECORD), "meeting", "there is no meeting named")
    assert [p.name for p in db_path.parent.iterdir() if not p.name.endswith(".lock")] == []


def test_the_same_errors_come_from_the_real_process(group, run_cli):
    """Spot check through `python -m facilitator`: exit status and one line, no traceback."""
    refused(run_cli("record", *_record_arguments({"--newcomers": "21"})), "newcomers",
            "21 is more than the attendance (20)")
    refused(run_cli("meetings", "add", "New", "--types", "ZZZ"), "types", "unknown")


# -- which database -------------------------------------------------------------------------

def test_db_option_wins_over_the_environment(run_cli, tmp_path):
    from_env, from_option = tmp_path / "env.json", tmp_path / "option.json"
    code, _, _ = run_cli("--db", from_option, "meetings", "add", "Tuesday Night",
                         env={"FACILITATOR_DB": str(from_env)})
    assert code == 0 and from_option.exists() and not from_env.exists()
    assert run_cli("meetings", "add", "Friday", env={"FACILITATOR_DB": str(from_env)})[0] == 0
    assert [m.name for m in stored(from_env)[0]] == ["Friday"]
    assert [m.name for m in stored(from_option)[0]] == ["Tuesday Night"]


def test_without_either_the_user_data_folder_is_used(run_cli, tmp_path):
    code, _, _ = run_cli("meetings", "add", "Tuesday Night", env={"FACILITATOR_DB": None})
    default = tmp_path / "home" / ".local" / "share" / "facilitator" / "facilitator.json"
    assert code == 0 and [m.name for m in stored(default)[0]] == ["Tuesday Night"]


def test_relative_and_home_paths_are_resolved(run_cli, tmp_path):
    (tmp_path / "work").mkdir()
    assert run_cli("--db", "rel.json", "meetings", "add", "A", cwd=tmp_path / "work")[0] == 0
    assert run_cli("meetings", "add", "B", env={"FACILITATOR_DB": "~/groups/b.json"})[0] == 0
    assert stored(tmp_path / "work" / "rel.json")[0] == [Meeting(name="A")]
    assert stored(tmp_path / "home" / "groups" / "b.json")[0] == [Meeting(name="B")]
