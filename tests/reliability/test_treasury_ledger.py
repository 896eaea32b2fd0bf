"""The ledger has the records' guarantees: a split is all its contributions or none, a
failed or killed write leaves the file as it was, doctor names a damaged entry, and the
group's words stay in the database (and its backups) only."""

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import orjson
import pytest
from tests.reliability.sample_store import companions
from tests.reliability.test_fault_injection import FAULTS

from facilitator.core.treasury.entry import Entry
from facilitator.store.database import Database
from facilitator.store.errors import StorageFailed
from facilitator.store.migrations import CURRENT_VERSION
from facilitator.store.paths import backup_paths

REPO = Path(__file__).resolve().parents[2]
PLAN = [("District", 40), ("Area", 30), ("GSO", 30)]
DAY = date(2024, 3, 5)


def split_entries(number: int) -> list[Entry]:
    return [Entry("contribution", DAY, 100 + number, to=to, memo=f"split {number}")
            for to, _ in PLAN]


@pytest.fixture
def ledger_db(db_path: Path) -> Path:
    with Database.open(db_path) as database:
        database.add_ledger_entries([Entry("opening", date(2024, 1, 1), 100000)])
        database.save_stock({"30d": {"on_hand": 3, "reorder_at": 5}})
    return db_path


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failed_split_record_writes_no_contribution(ledger_db, monkeypatch, fault):
    """Disk full mid-save: the same bytes, the same ledger in memory, no half split."""
    files_before = companions(ledger_db)
    with Database.open(ledger_db) as database:
        before = database.ledger()
        with monkeypatch.context() as patch:
            FAULTS[fault](patch, ledger_db)
            with pytest.raises(StorageFailed):
                database.add_ledger_entries(split_entries(1))
        assert database.ledger() == before
    assert companions(ledger_db) == files_before


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failed_chip_delivery_changes_neither_ledger_nor_stock(ledger_db, monkeypatch, fault):
    files_before = companions(ledger_db)
    delivery = Entry("expense", DAY, 4000, category="chips and keytags")
    with Database.open(ledger_db) as database:
        with monkeypatch.context() as patch:
            FAULTS[fault](patch, ledger_db)
            with pytest.raises(StorageFailed):
                database.add_ledger_entries(
                    [delivery], stock={"30d": {"on_hand": 23, "reorder_at": 5}})
        assert database.stock() == {"30d": {"on_hand": 3, "reorder_at": 5}}
        assert [entry.kind for entry in database.ledger_entries()] == ["opening"]
    assert companions(ledger_db) == files_before


def test_a_split_is_one_atomic_write(ledger_db, monkeypatch):
    """Three contributions and a backup: the database itself is replaced exactly once."""
    real_replace, onto_database = os.replace, []

    def replace(source, destination, *args, **kwargs):
        if Path(destination) == ledger_db:
            onto_database.append(destination)
        return real_replace(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with Database.open(ledger_db) as database:
        numbers = database.add_ledger_entries(split_entries(1))
    assert len(numbers) == 3 and len(onto_database) == 1


WRITER = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from test_treasury_ledger import split_entries
from facilitator.store.database import Database
database = Database.open(Path(sys.argv[1]))
number = sum(entry.kind == "contribution" for entry in database.ledger_entries()) // 3
os.write(1, f"start {number}\\n".encode())
while True:
    database.add_ledger_entries(split_entries(number))
    os.write(1, f"ack {number}\\n".encode())
    number += 1
"""


def test_a_killed_writer_leaves_whole_splits_only(ledger_db, tmp_path):
    """SIGKILL at random moments: every time, the contributions come in whole splits and
    every acknowledged split is there."""
    import random

    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(8):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(ledger_db),
                                  str(Path(__file__).parent)], stdout=subprocess.PIPE,
                                 env=environment, text=True)
        start = int(child.stdout.readline().split()[1])  # the lock is held, writes begin
        time.sleep(rng.uniform(0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        acks = sum(line.startswith("ack") for line in child.stdout.readlines())
        child.wait()
        with Database.open(ledger_db, writer=False) as reader:
            sent = [entry for entry in reader.ledger_entries() if entry.kind == "contribution"]
        by_memo: dict[str, list[str]] = {}
        for entry in sent:
            by_memo.setdefault(entry.memo, []).append(entry.to)
        assert all(tos == ["District", "Area", "GSO"] for tos in by_memo.values()), by_memo
        assert start + acks <= len(by_memo) <= start + acks + 1


def test_doctor_names_a_damaged_ledger_entry(db_path, run_cli):
    good = Entry("expense", DAY, 500, category="rent").to_dict()
    tables = {"ledger": {"1": good, "2": {**good, "amount": -5},
                         "3": {**good, "date": "2024-02-30"},
                         "4": {**good, "kind": "contribution"},
                         "5": {**good, "amount": 12.5}}}
    db_path.write_bytes(orjson.dumps({"schema_version": CURRENT_VERSION, "tables": tables}))
    files_before = companions(db_path)
    code, out, err = run_cli("doctor")
    assert (code, err) == (1, "4 problems found\n")
    for line in ["ledger entry 2: amount: cannot be negative (-5)",
                 "ledger entry 3: date: '2024-02-30' is not YYYY-MM-DD",
                 "ledger entry 4: to: cannot be empty",
                 "ledger entry 5: amount: must be whole cents"]:
        assert f"  {line}\n" in out, line
    code, _, err = run_cli("treasury", "report")
    assert code == 2 and "ledger entry 2 is damaged" in err and err.count("\n") == 1
    assert companions(db_path) == files_before


def test_the_groups_words_stay_in_the_database(db_path, run_cli, tmp_path):
    """A memo, a category and a recipient are in the database and its backups, nowhere
    else: not in any other file, nor in an error message about a refused value."""
    words = ["Qwertyfold Hall rent", "Zanzibarish cups", "Plumtree Intergroup"]
    for argv in (["treasury", "opening", "100", "--date", "2024-01-01"],
                 ["treasury", "add", "expense", "5", "--date", "2024-01-02", "--category",
                  "rent", "--memo", words[0]],
                 ["treasury", "add", "expense", "5", "--date", "2024-01-03", "--category",
                  words[1]],
                 ["treasury", "add", "contribution", "5", "--date", "2024-01-04", "--to",
                  words[2]]):
        assert run_cli(*argv)[0] == 0
    code, _, err = run_cli("treasury", "add", "expense", "x", "--date", "2024-01-02",
                           "--category", "rent", "--memo", words[0])
    assert code == 1 and words[0] not in err
    holders = {path for path in tmp_path.rglob("*") if path.is_file()
               and any(word.encode() in path.read_bytes() for word in words)}
    assert db_path in holders
    assert holders <= {db_path, *backup_paths(db_path)}, holders
