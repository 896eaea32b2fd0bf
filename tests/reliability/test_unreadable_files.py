"""A file that cannot be read is never treated as empty and never overwritten."""

import orjson
import pytest
from filelock import FileLock
from tests.reliability.sample_store import MEETINGS, RECORDS, companions, fill

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseTooNew, UnreadableDatabase
from facilitator.store.paths import backup_paths, lock_path


def as_json(data) -> callable:
    return lambda _good: orjson.dumps(data)


UNREADABLE = {
    "one byte cut off": lambda good: good[:-1],
    "cut in half": lambda good: good[: len(good) // 2],
    "empty": lambda _good: b"",
    "garbage": lambda _good: b"\x00\xff\xfe not a database \x89PNG",
    "a JSON list": as_json([1, 2, 3]),
    "tables is a list": as_json({"schema_version": 1, "tables": []}),
    "a record is a number": as_json({"schema_version": 1, "tables": {"records": {"1": 5}}}),
    "a document id is a word": as_json({"schema_version": 1, "tables": {"meetings": {"a": {}}}}),
    "schema version is text": as_json({"schema_version": "1", "tables": {}}),
}
TOO_NEW = orjson.dumps({"schema_version": 2, "tables": {"meetings": {}}, "future": True})
# One of each kind for the command line (each run is a new process); all of them in-process.
KINDS = ["one byte cut off", "garbage", "tables is a list", "a record is a number"]
READ = ["meetings", "list"]
WRITE = ["record", "--meeting", "Friday Step", "--date", "2024-03-15", "--attendance", "4"]
ADD = ["meetings", "add", "Sunday Serenity"]


def damage(db_path, how) -> bytes:
    bad = how(db_path.read_bytes())
    db_path.write_bytes(bad)
    return bad


def assert_one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("facilitator: "), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("how", KINDS)
def test_commands_refuse_an_unreadable_file_and_leave_it_alone(populated, run_cli, how):
    """Exit 2, one line naming the file and the newest backup; not a byte changed."""
    damage(populated, UNREADABLE[how])
    files_before = companions(populated)
    for arguments in (READ, WRITE):
        code, out, err = run_cli(*arguments)
        assert (code, out) == (2, "")
        assert_one_line(err)
        assert f"database {populated} cannot be read" in err
        assert f"newest backup: {backup_paths(populated)[0]}" in err
        assert "facilitator doctor --restore" in err
    assert companions(populated) == files_before


@pytest.mark.parametrize("how", KINDS[:3])
def test_doctor_restore_brings_back_the_backup_and_keeps_the_bad_file(populated, run_cli, how):
    """The broken file is moved aside, never deleted; the newest backup takes its place."""
    backup = backup_paths(populated)[0].read_bytes()
    bad = damage(populated, UNREADABLE[how])
    code, out, _ = run_cli("doctor")
    assert code == 2
    assert "problem: " in out and ".bak: " in out and "readable" in out
    code, out, err = run_cli("doctor", "--restore")
    assert (code, err) == (0, "")
    assert populated.read_bytes() == backup
    aside = list(populated.parent.glob(populated.name + ".broken-*"))
    assert [path.read_bytes() for path in aside] == [bad]
    assert str(aside[0]) in out
    with Database.open(populated, writer=False) as database:
        assert database.records() == RECORDS  # in the order they were saved
    code, out, _ = run_cli(*READ)
    assert code == 0 and all(meeting.name in out for meeting in MEETINGS)


def test_a_damaged_newest_backup_is_passed_over(populated, run_cli):
    """When the newest backup is damaged too, the next one is named and restored."""
    newest, older = backup_paths(populated)[:2]
    newest.write_bytes(newest.read_bytes()[:-1])
    older_bytes = older.read_bytes()
    damage(populated, UNREADABLE["garbage"])
    code, _, err = run_cli(*READ)
    assert code == 2 and f"newest backup: {older}" in assert_one_line(err)
    assert run_cli("doctor", "--restore")[0] == 0
    assert populated.read_bytes() == older_bytes


def test_without_a_backup_the_message_says_so_and_restore_changes_nothing(db_path, run_cli):
    """No backup yet (no record saved): said plainly; restore refuses; nothing moves."""
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name="Tuesday Night"))
    damage(db_path, UNREADABLE["one byte cut off"])
    files_before = companions(db_path)
    code, _, err = run_cli(*WRITE)
    assert code == 2 and "no backup found" in assert_one_line(err)
    code, _, err = run_cli("doctor", "--restore")
    assert code == 2 and "no readable backup" in assert_one_line(err)
    assert companions(db_path) == files_before


def test_a_newer_schema_is_refused_untouched(populated, run_cli):
    """Written by a newer facilitator: exit 2, 'upgrade', and no command changes it."""
    populated.write_bytes(TOO_NEW)
    files_before = companions(populated)
    for arguments in (READ, WRITE, ADD, ["doctor", "--restore"]):
        code, out, err = run_cli(*arguments)
        assert code == 2, arguments
        assert_one_line(err)
        assert f"database {populated} has schema version 2" in err
        assert "upgrade facilitator" in err
    assert companions(populated) == files_before


@pytest.mark.parametrize("how", UNREADABLE)
def test_opening_raises_and_never_writes(db_path, how):
    """Database.open, reader or writer, raises; the file keeps its bytes."""
    fill(db_path)
    damage(db_path, UNREADABLE[how])
    files_before = companions(db_path)
    for writer in (False, True):
        with pytest.raises(UnreadableDatabase) as caught:
            Database.open(db_path, writer=writer)
        assert caught.value.newest_backup == backup_paths(db_path)[0]
    assert companions(db_path) == files_before
    lock = FileLock(lock_path(db_path), timeout=0)
    lock.acquire()  # the failed writer let go of the lock
    lock.release()


def test_opening_a_newer_schema_raises(db_path):
    """Reader or writer: DatabaseTooNew, and the bytes stay as they were."""
    db_path.write_bytes(TOO_NEW)
    for writer in (False, True):
        with pytest.raises(DatabaseTooNew):
            Database.open(db_path, writer=writer)
    assert db_path.read_bytes() == TOO_NEW


def test_a_folder_that_cannot_be_made_is_one_line_not_a_traceback(tmp_path, run_cli):
    """A path under a plain file: exit 2 and one line naming the database."""
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "facilitator.json"
    code, out, err = run_cli("--db", target, "meetings", "add", "Tuesday Night")
    assert (code, out) == (2, "")
    assert f"database {target} cannot be read (its folder cannot be used" in assert_one_line(err)


def _with(db_path, table: str, doc_id: str, document) -> None:
    content = orjson.loads(db_path.read_bytes())
    content["tables"].setdefault(table, {})[doc_id] = document
    db_path.write_bytes(orjson.dumps(content))


# A document with the right outline and wrong values inside, and a command that reads it.
DAMAGED_DOCUMENTS = [
    ("meetings", "1", {"days": [1]}, READ, "meeting 1 is damaged: "),
    ("meetings", "1", {"name": "Tuesday Night", "days": 5},
     ["record", "--meeting", "Tuesday Night", "--date", "2024-03-19", "--attendance", "4"],
     "meeting 1 is damaged: it has the wrong shape"),
    ("meetings", "2", {"name": "Friday Step", "share_minutes": -3}, READ,
     "meeting 2 is damaged: share minutes: cannot be negative (-3)"),
    ("settings", "1", {"currency": 5}, WRITE, "the settings is damaged: currency: must be text"),
]


@pytest.mark.parametrize("table, doc_id, document, arguments, reason", DAMAGED_DOCUMENTS,
                         ids=[case[4].split(":")[0] + f" ({case[3][0]})"
                              for case in DAMAGED_DOCUMENTS])
def test_a_damaged_document_is_one_line_naming_it(populated, run_cli, table, doc_id, document,
                                                  arguments, reason):
    """Exit 2, the document named, doctor pointed at; no traceback; nothing written."""
    _with(populated, table, doc_id, document)
    files_before = companions(populated)
    code, out, err = run_cli(*arguments)
    assert (code, out) == (2, "")
    assert f"database {populated} cannot be read ({reason}" in assert_one_line(err)
    assert "`facilitator doctor` lists every problem" in err
    assert companions(populated) == files_before


def test_a_damaged_record_is_named_when_records_are_read(populated):
    """Among valid records, the damaged one is named by its document id."""
    _with(populated, "records", "2", {"meeting": "Tuesday Night", "date": "2024-03-12",
                                      "attendance": 4, "newcomers": 9})
    with Database.open(populated, writer=False) as database:
        with pytest.raises(UnreadableDatabase) as caught:
            database.records()
        assert "record 2 is damaged: newcomers: 9 is more than the attendance (4)" in str(
            caught.value)
        assert caught.value.newest_backup == backup_paths(populated)[0]
        with pytest.raises(UnreadableDatabase):  # the table is checked as a whole, once
            database.records("Friday Step")
