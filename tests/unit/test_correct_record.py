"""Database.correct_record: a record moved to another date or meeting in one write."""

from datetime import date

import orjson
import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store import files
from facilitator.store.database import Database

TUESDAY = Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, chips={"30d": 1})
SATURDAY = Record("Saturday Speaker", date(2024, 1, 6), 12)


@pytest.fixture
def database(db_path):
    with Database.open(db_path) as opened:
        opened.add_meetings_and_records(
            [Meeting(name="Tuesday Night"), Meeting(name="Saturday Speaker")], [TUESDAY, SATURDAY])
        yield opened


def stored(db_path) -> list[tuple]:
    """(meeting, date, attendance) of each record in the file itself, in order."""
    rows = orjson.loads(db_path.read_bytes())["tables"]["records"].values()
    return sorted((row["meeting"], row["date"], row["attendance"]) for row in rows)


def count_writes(monkeypatch) -> list:
    writes = []
    real = files.atomic_write

    def counting(path, payload):
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr("facilitator.store.storage.atomic_write", counting)
    return writes


@pytest.mark.parametrize("changes, expected", [
    ({"date": date(2024, 1, 3)}, ("Tuesday Night", "2024-01-03", 20)),
    ({"meeting": "saturday speaker"}, ("Saturday Speaker", "2024-01-02", 20)),
    ({"attendance": 22}, ("Tuesday Night", "2024-01-02", 22)),
])
def test_the_old_record_goes_and_the_new_one_comes_in_one_write(database, db_path, monkeypatch,
                                                                changes, expected):
    writes = count_writes(monkeypatch)
    database.correct_record("tuesday night", date(2024, 1, 2), TUESDAY.edit(**changes))
    assert len(writes) == 1
    assert stored(db_path) == sorted([expected, ("Saturday Speaker", "2024-01-06", 12)])
    moved = database.find_record(expected[0], date.fromisoformat(expected[1]))
    assert moved.chips == {"30d": 1} and moved.newcomers == 2  # the rest comes along


def test_the_old_key_is_free_afterwards(database):
    database.correct_record("Tuesday Night", date(2024, 1, 2), TUESDAY.edit(date=date(2024, 1, 3)))
    assert database.find_record("Tuesday Night", date(2024, 1, 2)) is None
    database.add_record(TUESDAY)  # no --replace needed: nothing is there any more
    assert database.find_record("Tuesday Night", date(2024, 1, 2)) == TUESDAY


@pytest.mark.parametrize("meeting, day, record, message", [
    ("Tuesday Night", date(2024, 1, 2), TUESDAY.edit(meeting="Saturday Speaker",
                                                     date=date(2024, 1, 6)),
     "date: 'Saturday Speaker' already has a record for 2024-01-06"),
    ("Tuesday Night", date(2024, 1, 9), TUESDAY, "date: no record of 'Tuesday Night' on 2024-01-09"),
    ("Tuesday Night", date(2024, 1, 2), TUESDAY.edit(meeting="Sunday Step"),
     "meeting: there is no meeting named 'Sunday Step'"),
])
def test_refused_changes_write_nothing(database, db_path, monkeypatch, meeting, day, record,
                                       message):
    before = db_path.read_bytes()
    writes = count_writes(monkeypatch)
    with pytest.raises(ValidationError) as error:
        database.correct_record(meeting, day, record)
    assert str(error.value).startswith(message)
    assert writes == [] and db_path.read_bytes() == before
    assert database.find_record("Tuesday Night", date(2024, 1, 2)) == TUESDAY
