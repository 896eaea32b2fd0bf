"""`facilitator doctor` finds what is wrong and says where; `--restore` never loses a file."""

from datetime import date

import orjson
from tests.reliability.sample_store import companions, write_version_0

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.paths import backup_paths

GOOD_ROW = Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=20).to_dict()


def test_a_healthy_database_is_reported_ok(populated, run_cli):
    code, out, err = run_cli("doctor")
    assert (code, err) == (0, "")
    assert f"database: {populated}" in out
    assert "2 meetings, 3 records" in out
    assert f"backup {backup_paths(populated)[0].name}: " in out and "NOT readable" not in out
    assert out.rstrip().endswith("ok: no problems found")


def test_every_damaged_document_is_named(db_path, run_cli):
    """Bad values, a name used twice, a record of no meeting, two records for one day."""
    tables = {
        "meetings": {"1": Meeting(name="Tuesday Night").to_dict(),
                     "2": Meeting(name="TUESDAY NIGHT").to_dict(),
                     "3": {**Meeting(name="Friday").to_dict(), "share_minutes": 99}},
        "records": {"1": GOOD_ROW,
                    "2": {**GOOD_ROW, "date": "2024-03-12", "newcomers": 21},
                    "3": {**GOOD_ROW, "meeting": "Sunday"},
                    "4": {**GOOD_ROW, "meeting": "tuesday night"},
                    "5": {**GOOD_ROW, "date": "2024-13-01"}},
    }
    db_path.write_bytes(orjson.dumps({"schema_version": CURRENT_VERSION, "tables": tables}))
    files_before = companions(db_path)
    code, out, err = run_cli("doctor")
    assert (code, err) == (1, "6 problems found\n")
    for line in ["meeting 2: the name 'TUESDAY NIGHT' is used by meeting 1 too",
                 "meeting 3: share minutes: 99 is more than 30",
                 "record 2: newcomers: 21 is more than the attendance (20)",
                 "record 3: there is no meeting named 'Sunday'",
                 "record 4: 'tuesday night' on 2024-03-05 is also record 1",
                 "record 5: date: '2024-13-01' is not YYYY-MM-DD"]:
        assert f"  {line}\n" in out, line
    assert companions(db_path) == files_before


def test_an_old_file_is_reported_and_left_as_it_is(db_path, run_cli):
    original = write_version_0(db_path)
    code, out, _ = run_cli("doctor")
    assert code == 0 and "schema version 0 (will be migrated when opened)" in out
    assert db_path.read_bytes() == original


def test_restore_brings_back_a_deleted_database(populated, run_cli):
    backup = backup_paths(populated)[0].read_bytes()
    populated.unlink()
    code, out, err = run_cli("doctor", "--restore")
    assert (code, err) == (0, "") and "restored facilitator.json.bak" in out
    assert populated.read_bytes() == backup


def test_restoring_twice_keeps_both_broken_files(populated, run_cli):
    """Each broken file is moved to a name of its own, even within the same second."""
    broken = []
    for damage in (b"first damage", b"second damage"):
        populated.write_bytes(damage)
        broken.append(damage)
        assert run_cli("doctor", "--restore")[0] == 0
    aside = sorted(populated.parent.glob(populated.name + ".broken-*"))
    assert sorted(path.read_bytes() for path in aside) == sorted(broken)


def test_restore_on_a_readable_database_changes_nothing(populated, run_cli):
    files_before = companions(populated)
    code, out, _ = run_cli("doctor", "--restore")
    assert code == 0 and "is readable; nothing to restore" in out
    assert companions(populated) == files_before


def _damage_record(path, doc_id: str = "2") -> None:
    content = orjson.loads(path.read_bytes())
    content["tables"]["records"][doc_id]["date"] = "2024-13-12"
    path.write_bytes(orjson.dumps(content))


def test_a_damaged_record_is_restored_from_the_newest_backup_without_it(populated, run_cli):
    """What every command refuses, --restore repairs: the damaged file is kept aside."""
    newest, older = backup_paths(populated)[:2]
    _damage_record(populated)
    _damage_record(newest)  # saved since the damage: the same damage in the newest backup
    damaged = populated.read_bytes()
    code, _, err = run_cli("history")
    assert code == 2 and f"newest backup: {older};" in err
    code, out, _ = run_cli("doctor")
    states = {line.split(":")[0]: line.rsplit(", ", 1)[-1] for line in out.splitlines()
              if line.startswith("  backup ")}
    assert code == 1 and states[f"  backup {newest.name}"] == "NOT readable"
    assert states[f"  backup {older.name}"] == "readable"
    code, out, _ = run_cli("doctor", "--restore")
    assert code == 0 and f"restored {older.name}" in out
    assert populated.read_bytes() == older.read_bytes()
    assert [p.read_bytes() for p in populated.parent.glob("*.broken-*")] == [damaged]
    assert run_cli("history")[0] == 0
