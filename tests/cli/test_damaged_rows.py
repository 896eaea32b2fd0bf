"""A damaged stored value: every command that reads it refuses, `doctor` lists it.

Refused means exit 2 and one line on stderr naming the document and the field, never a
traceback, never the damaged text printed raw, and every file left byte for byte.
"""

import hashlib
import unicodedata
from datetime import date

import orjson
import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.paths import migration_backup_path

MEETINGS = [Meeting(name="Tuesday Night"), Meeting(name="Friday Step")]
RECORDS = [
    Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=21, newcomers=2,
           collection=3150, note="Rain."),
    Record(meeting="Tuesday Night", date=date(2024, 3, 12), attendance=18, chips={"30d": 1}),
    Record(meeting="Friday Step", date=date(2024, 3, 8), attendance=7),
]
GONE = object()  # a field left out of the stored row

# How record 2 is damaged, and the field the refusal must name.
DAMAGED_RECORDS = {
    "a date that does not exist": ({"date": "2025-13-01"}, "date"),
    "the year 1": ({"date": "0001-01-01"}, "date"),
    "a collection of 1e308": ({"collection": 1e308}, "collection"),
    "a collection as text": ({"collection": "12.5"}, "collection"),
    "an escape sequence in the name": ({"meeting": "Tuesday\x1b]0;pwned\x07 Night"}, "meeting"),
    "a negative count": ({"attendance": -3}, "attendance"),
    "control characters in the note": ({"note": "rain\x07\x1b[2J\x9b\x7f"}, "note"),
    "a right-to-left override in the name": ({"meeting": "Tuesday \u202eNight"}, "meeting"),
    "a count that is true": ({"newcomers": True}, "newcomers"),
    "more newcomers than people": ({"newcomers": 19}, "newcomers"),
    "chips that are not counts": ({"chips": {"30d": "two"}}, "chips 30d"),
    "a start that is not a time": ({"start": "25:99"}, "start"),
    "no attendance": ({"attendance": GONE}, "attendance"),
}

NEW_ROW = "2024-03-19,Tuesday Night,9,0,0,0,0,0,0,0,,0.00,USD,,,,\r\n"
# Every command that reads records, each of which would succeed on the undamaged file.
READERS = {
    "history": ["history"],
    "history --by month": ["history", "--by", "month"],
    "history --json": ["history", "--json", "--from", "2024-01-01"],
    "export csv": ["export", "--format", "csv"],
    "export json": ["export", "--format", "json", "--by", "month"],
    "export md": ["export", "--format", "md", "--meeting", "friday step"],
    "export -o": ["export", "--format", "csv", "-o", "{out}"],
    "import": ["import", "{csv}"],
    "import --replace": ["import", "{csv}", "--replace"],
    "record": ["record", "--meeting", "Friday Step", "--date", "2024-03-15",
               "--attendance", "4"],
    "meetings remove": ["meetings", "remove", "Friday Step", "--with-records"],
    "meetings edit --name": ["meetings", "edit", "Friday Step", "--name", "Friday Steps"],
}


def fill(db_path) -> None:
    with Database.open(db_path) as database:
        for meeting in MEETINGS:
            database.add_meeting(meeting)
        database.save_settings(GroupSettings(currency="USD"))
        database.save_stock({"30d": {"on_hand": 12, "reorder_at": 5}})
        database.add_records(RECORDS)


def damage(db_path, table: str, doc_id: str, change: dict) -> None:
    content = orjson.loads(db_path.read_bytes())
    document = content["tables"][table].setdefault(doc_id, {})
    for name, value in change.items():
        if value is GONE:
            del document[name]
        else:
            document[name] = value
    db_path.write_bytes(orjson.dumps(content))


def files(folder) -> dict[str, str]:
    """Every file in the folder (but the lock) and the sha256 of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir()) if not path.name.endswith(".lock")}


def assert_refused(result, document: str, field: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr naming the document and the field."""
    status, out, err = result
    assert (status, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("facilitator: database "), err
    assert f"({document} is damaged: {field}: " in err, err
    assert "Traceback" not in err
    assert_nothing_raw(out + err)


def assert_nothing_raw(text: str) -> None:
    """No control character (C0, C1, ESC, DEL) but line ends, no bidi control."""
    raw = [char for char in text if char != "\n"
           and unicodedata.category(char) in ("Cc", "Cf")]
    assert raw == [], text


@pytest.fixture
def damaged_db(db_path, tmp_path):
    """db_path filled; a CSV to import and an output path beside it."""
    fill(db_path)
    (tmp_path / "new.csv").write_text(
        "date,meeting,attendance,newcomers,visitors,online,shares,share_seconds,passes,"
        "over_time,chips,collection,currency,start,end,note,sections\r\n" + NEW_ROW)
    return db_path


def arguments(command: str, tmp_path) -> list[str]:
    return [word.format(out=tmp_path / "out.csv", csv=tmp_path / "new.csv")
            for word in READERS[command]]


@pytest.mark.parametrize("command", READERS)
def test_every_reader_works_on_the_undamaged_file(cli, damaged_db, tmp_path, command):
    """The commands below are refused because of the damage, not for another reason."""
    status, _, err = cli(*arguments(command, tmp_path))
    assert (status, err) == (0, "")


@pytest.mark.parametrize("case", DAMAGED_RECORDS)
def test_a_damaged_record_is_refused_by_every_command_that_reads_records(
        cli, damaged_db, tmp_path, case):
    """Exit 2 naming record 2 and its field; the folder's files byte for byte as before."""
    change, field = DAMAGED_RECORDS[case]
    damage(damaged_db, "records", "2", change)
    before = files(damaged_db.parent)
    for command in READERS:
        assert_refused(cli(*arguments(command, tmp_path)), "record 2", field)
        assert files(damaged_db.parent) == before, command
        assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("case", DAMAGED_RECORDS)
def test_doctor_lists_each_damaged_record(cli, damaged_db, case):
    change, field = DAMAGED_RECORDS[case]
    damage(damaged_db, "records", "2", change)
    before = files(damaged_db.parent)
    status, out, err = cli("doctor")
    assert (status, err) == (1, "1 problem found\n")
    assert f"\n  record 2: {field}: " in out
    assert_nothing_raw(out)
    assert files(damaged_db.parent) == before


# Damaged settings and chip stock: the commands that read them, and what is named.
DAMAGED_OTHERS = {
    "a currency that is a number": (
        "settings", {"currency": 5}, "the settings", "currency",
        ["history", "export csv", "record", "import"]),
    "a date order that is not one": (
        "settings", {"date_order": "sideways"}, "the settings", "date order",
        ["history --json", "record"]),
    "a theme with an escape sequence": (
        "settings", {"theme": "dark\x1b[31m"}, "the settings", "theme", ["export md"]),
    "chips on hand that are not a count": (
        "stock", {"30d": {"on_hand": "x"}}, "the chip stock", "stock 30d", []),
    "a negative reorder level": (
        "stock", {"30d": {"on_hand": 3, "reorder_at": -1}}, "the chip stock",
        "stock 30d reorder level", []),
}
STOCK_READERS = [["chips", "stock"], ["chips", "stock", "--json"],
                 ["chips", "stock", "set", "30d", "20"], ["chips", "stock", "add", "1y", "3"]]


@pytest.mark.parametrize("case", DAMAGED_OTHERS)
def test_damaged_settings_or_stock_are_refused_and_listed_by_doctor(
        cli, damaged_db, tmp_path, case):
    """Every command reading them refuses as for a record; doctor no longer says ok."""
    table, change, document, field, readers = DAMAGED_OTHERS[case]
    damage(damaged_db, table, "1", change)
    before = files(damaged_db.parent)
    commands = [arguments(command, tmp_path) for command in readers] + STOCK_READERS
    for command in commands:
        assert_refused(cli(*command), document, field)
        assert files(damaged_db.parent) == before, command
    status, out, err = cli("doctor")
    assert (status, err) == (1, "1 problem found\n")
    assert f"\n  {document}: {field}: " in out and "ok: no problems found" not in out
    assert_nothing_raw(out)


def test_the_real_process_refuses_in_one_line(run_cli, damaged_db):
    """The same through `python -m facilitator`: the one-line error, no traceback."""
    damage(damaged_db, "records", "2", DAMAGED_RECORDS["an escape sequence in the name"][0])
    before = files(damaged_db.parent)
    assert_refused(run_cli("history", "--by", "month"), "record 2", "meeting")
    assert files(damaged_db.parent) == before


VERSION_0 = {
    "meetings": {"1": {"name": "Tuesday Night", "days": [1]}},
    "records": {"1": {"meeting": "Tuesday Night", "date": "2023-05-02", "attendance": 14,
                      "collection": 12.5}},
}


@pytest.mark.parametrize("version_0, arguments, status", [
    (VERSION_0, ["record", "--meeting", "Nobody", "--date", "2023-05-09", "--attendance", "3"],
     1),
    (VERSION_0, ["record", "--meeting", "Tuesday Night", "--date", "2023-05-02",
                 "--attendance", "3"], 1),
    ({**VERSION_0, "records": {"1": {**VERSION_0["records"]["1"], "attendance": -1}}},
     ["record", "--meeting", "Tuesday Night", "--date", "2023-05-09", "--attendance", "3"],
     2),
    (VERSION_0, ["meetings", "add", "tuesday night"], 1),
], ids=["no such meeting", "a record already there", "a damaged row", "a name taken"])
def test_a_refused_command_leaves_an_old_format_file_as_it_was(cli, db_path, version_0,
                                                              arguments, status):
    """No upgrade and no .v0.bak copy unless a change succeeds."""
    db_path.write_bytes(orjson.dumps(version_0))
    before = files(db_path.parent)
    result = cli(*arguments)
    assert result[0] == status and result[2].count("\n") == 1
    assert files(db_path.parent) == before
    assert not migration_backup_path(db_path, 0).exists()
    status, _, _ = cli("record", "--meeting", "Tuesday Night", "--date", "2023-05-16",
                       "--attendance", "5")
    if status == 0:  # and the first change that succeeds upgrades it, keeping the old file
        assert migration_backup_path(db_path, 0).read_bytes() == orjson.dumps(version_0)
