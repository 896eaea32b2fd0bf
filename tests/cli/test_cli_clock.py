"""One clock for the command line: cli.main builds it, every command reads it."""

import ast
from datetime import date, datetime
from pathlib import Path

import pytest

import facilitator
from facilitator.core.clock import FakeClock
from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database

PACKAGE = Path(facilitator.__file__).parent
CLOCK_READS = {("date", "today"), ("datetime", "now"), ("datetime", "today"),
               ("datetime", "utcnow"), ("time", "time")}


def clock_reads(path: Path) -> list[str]:
    """Every `date.today`, `datetime.now`… in a file, called or not (an alias counts too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in CLOCK_READS):
            found.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_the_commands_never_read_the_system_clock():
    files = sorted((PACKAGE / "commands").glob("*.py")) + [PACKAGE / "cli.py"]
    assert len(files) > 15
    assert [read for path in files for read in clock_reads(path)] == []


def test_the_scan_finds_a_clock_read(tmp_path):
    """The check above can fail: a command reading the date itself is caught."""
    sample = tmp_path / "sample.py"
    sample.write_text("from datetime import date\ntoday = date.today\nprint(date.today())\n")
    assert clock_reads(sample) == ["sample.py:2 date.today", "sample.py:3 date.today"]


@pytest.fixture
def group(db_path):
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name="Tuesday Night"))
        database.add_record(Record(meeting="Tuesday Night", date=date(2024, 3, 5),
                                   attendance=9))
    return db_path


@pytest.mark.parametrize("day, status", [(date(2024, 3, 8), 0), (date(2024, 3, 6), 1)])
def test_record_reads_today_from_the_clock_it_is_given(cli, group, day, status):
    """A date after the clock's today is refused as in the future."""
    clock = FakeClock(datetime.combine(day, datetime.min.time()))
    code, _, err = cli("record", "--meeting", "Tuesday Night", "--date", "2024-03-07",
                       "--attendance", "12", clock=clock)
    assert code == status
    assert ("is in the future" in err) == (status == 1)
    with Database.open(group, writer=False) as database:
        stored = {record.date for record in database.records()}
    assert (date(2024, 3, 7) in stored) == (status == 0)


def test_history_counts_up_to_the_clocks_today(cli, group):
    """`--from` without `--to` ends on the clock's today: a record after it is left out."""
    with Database.open(group) as database:
        database.add_record(Record(meeting="Tuesday Night", date=date(2024, 3, 19),
                                   attendance=30))
    early = FakeClock(datetime(2024, 3, 12, 20, 0))
    late = FakeClock(datetime(2024, 3, 26, 20, 0))
    _, out_early, _ = cli("history", "--from", "2024-03-01", "--json", clock=early)
    _, out_late, _ = cli("history", "--from", "2024-03-01", "--json", clock=late)
    assert '"attendance":30' not in out_early.replace(" ", "")
    assert '"attendance":30' in out_late.replace(" ", "")
