"""What the start screen's path loads: the code of the tables it reads, not the treasury's,
the minutes', the chip stock's or the statistics, nor Babel at all in English (its numbers,
dates and locale data load where another language or a number first needs them), nor the
one-pass decoder for a group's small file.
Each costs start-up time (benchmarks/startup.py --instructions); each loads when first used."""

import subprocess
import sys
from datetime import date, time

import pytest

from facilitator.core.business.minutes import Minutes
from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.treasury.entry import Entry
from facilitator.store.checked_tables import built_by, each_document
from facilitator.store.database import Database

# In a fresh interpreter: the app's modules, then what the start screen reads.
START_SCREEN_READS = """
import sys
from datetime import date, datetime

import facilitator.cli, facilitator.tui.app, facilitator.tui.screens.start
from facilitator.core.schedule.schedule import describe_next
from facilitator.store.database import Database

with Database.open(sys.argv[1]) as database:
    meetings = database.meetings()
    database.settings()
    saved = database.find_record(meetings[0].name, date(2026, 12, 1))
    print(meetings[0].describe_schedule(), describe_next(meetings[0], datetime(2026, 12, 1, 18)),
          saved.attendance, sep="|")
    if len(sys.argv) > 2:
        database.ledger(), database.minutes()
        print(database.treasury(date(2026, 12, 2)).balance, len(database.minutes()), sep="|")
print("\\n".join(sorted(sys.modules)))
"""
NOT_AT_START = ("facilitator.core.treasury", "facilitator.core.business",
                "facilitator.core.chips.chip_stock", "facilitator.core.records.statistics",
                "babel", "msgspec")  # msgspec: a small file is not read in one pass


def group_database(path):
    with Database.open(path) as database:
        database.add_meeting(Meeting(name="Tuesday Night", days=(1,), start=time(19, 0),
                                     duration_minutes=60))
        database.add_record(Record(meeting="Tuesday Night", date=date(2026, 12, 1),
                                   attendance=14, collection=2500),
                            minutes=Minutes("Tuesday Night", date(2026, 12, 1), 9))
        database.add_ledger_entries([Entry("opening", date(2026, 1, 1), 10000)])


def loaded(path, *extra):
    run = subprocess.run([sys.executable, "-c", START_SCREEN_READS, str(path), *extra],
                         capture_output=True, text=True, timeout=60, check=True)
    first, *rest = run.stdout.splitlines()
    if extra:
        return first, rest[0], set(rest[1:])
    return first, set(rest)


def test_the_start_screens_reads_load_only_their_tables_code(tmp_path):
    path = tmp_path / "group.json"
    group_database(path)
    shown, modules = loaded(path)
    # The schedule's words in English come without Babel (its locale data, a pickle of
    # thousands of entries, is read in about 70 M instructions; its core loads in 7 M).
    assert shown == "tue 19:00 (60 min)|next Tue 2026-12-01 19:00|14"
    assert sorted(name for name in modules if name.startswith(NOT_AT_START)) == []


def test_the_other_tables_load_their_code_when_first_read(tmp_path):
    path = tmp_path / "group.json"
    group_database(path)
    _shown, treasury, modules = loaded(path, "and the treasury")
    assert treasury == "12500|1"  # the opening balance and the collection, one set of minutes
    assert {"facilitator.core.treasury.entry", "facilitator.core.business.minutes"} <= modules


def test_a_misspelt_builder_is_an_error_not_a_damaged_document():
    """A table's builder names its code; a wrong name must not read as a damaged file."""
    check = each_document("meeting {number}", built_by("facilitator.core.schedule.meeting:"
                                                       "Meeting.from_dikt"))
    with pytest.raises(ImportError, match="from_dikt"):
        check({"1": {"name": "Tuesday Night"}})
