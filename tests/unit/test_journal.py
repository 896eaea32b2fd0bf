"""The live journal: durable lines, torn and corrupt lines, file mode, and its removal."""

import stat
from datetime import datetime

import orjson
import pytest

from facilitator.core.meeting import actions as a
from facilitator.core.settings import GroupSettings
from facilitator.core.clock import FakeClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.store import journal
from facilitator.store.database import Database
from facilitator.store.live_meeting import JournalUnreadable, LiveMeeting, find_left_behind

STARTED = datetime(2024, 3, 5, 19, 0)
MEETING = Meeting(name="Tuesday Night")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "facilitator.json.journal"


def begin(path, clock=None) -> LiveMeeting:
    return LiveMeeting.begin(path, MEETING, GroupSettings(), clock or FakeClock(STARTED))


def lines(path) -> list[bytes]:
    return path.read_bytes().splitlines()


def test_each_action_is_a_json_line_on_disk_before_do_returns(path):
    clock = FakeClock(STARTED)
    live = begin(path, clock)
    clock.advance(90)
    live.do(a.SignIn(name="Ann", newcomer=True))
    entries = [orjson.loads(line) for line in lines(path)]
    assert [e["n"] for e in entries] == [0, 1]
    assert entries[0]["a"]["type"] == "start" and entries[0]["t"] == 0.0
    assert entries[1] == {"n": 1, "t": 90.0, "wall": "2024-03-05T19:01:30",
                          "a": {"type": "sign_in", "name": "Ann", "newcomer": True}}
    live.discard()


def test_a_refused_action_writes_nothing(path):
    live = begin(path)
    before = path.read_bytes()
    with pytest.raises(Exception):
        live.do(a.Remove(id=3))
    assert path.read_bytes() == before and live.session.attendance == 0
    live.discard()


def test_journal_file_is_private(path):
    """Names are in it while the meeting runs: only the owner may read it."""
    live = begin(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    live.discard()


def test_begin_refuses_to_overwrite_a_meeting_left_behind(path):
    first = begin(path)
    first.do(a.SignIn())
    saved = path.read_bytes()
    with pytest.raises(FileExistsError):
        begin(path)
    assert path.read_bytes() == saved
    first.discard()


def test_torn_last_line_is_dropped_and_the_rest_kept(path):
    live = begin(path)
    for _ in range(3):
        live.do(a.SignIn())
    live.journal.close()
    with path.open("ab") as file:
        file.write(b'{"n":4,"t":1.0,"wall":"2024-03-05T19:0')  # died mid-write
    contents = journal.read(path)
    assert (len(contents.entries), contents.dropped_lines) == (4, 1)
    left = find_left_behind(path)
    assert (left.session.attendance, left.dropped_lines, left.entries) == (3, 1, 4)


@pytest.mark.parametrize("bad", [b"{not json", b"[1, 2]", b'{"a": 5}', b"\xff\xfe"])
def test_a_corrupt_middle_line_stops_replay_there(path, bad):
    """Lines after a damaged one are not trusted: replay stops at the damage."""
    live = begin(path)
    live.do(a.SignIn())
    live.journal.close()
    good = lines(path)
    later = orjson.dumps({"n": 3, "t": 2.0, "wall": "2024-03-05T19:00:02",
                          "a": {"type": "sign_in"}})
    path.write_bytes(b"\n".join(good + [bad, later]) + b"\n")
    contents = journal.read(path)
    assert (len(contents.entries), contents.dropped_lines) == (2, 2)
    assert find_left_behind(path).session.attendance == 1


def test_resume_after_a_torn_line_keeps_every_later_action(path):
    """New actions must not be glued onto the torn fragment, or a second crash loses them."""
    live = begin(path)
    live.do(a.SignIn(name="Ann"))
    live.journal.close()
    with path.open("ab") as file:
        file.write(b'{"n":2,"t":3.0,"wa')
    resumed = LiveMeeting.resume(find_left_behind(path), FakeClock(STARTED))
    resumed.do(a.SignIn(name="Bo"))
    resumed.do(a.SignIn(online=True))
    resumed.journal.close()  # the app dies again
    again = find_left_behind(path)
    assert again.dropped_lines == 0
    assert [p.name for p in again.session.attendees] == ["Ann", "Bo", ""]
    assert again.session.online == 1


def test_resume_counts_the_time_the_app_was_down(path):
    clock = FakeClock(STARTED)
    live = begin(path, clock)
    clock.advance(600)
    live.do(a.SignIn())
    live.journal.close()
    clock.advance(300)  # five minutes with the laptop off: the meeting went on
    resumed = LiveMeeting.resume(find_left_behind(path), clock)
    assert resumed.now() == pytest.approx(900)
    clock.advance(30)
    assert resumed.now() == pytest.approx(930)


def test_no_journal_or_an_empty_one_is_no_meeting(path):
    assert find_left_behind(path) is None
    path.write_bytes(b"")
    assert find_left_behind(path) is None


def test_a_journal_torn_in_its_first_line_does_not_block_the_next_meeting(path):
    """The app died inside begin(): nothing was acknowledged, so a new meeting can start."""
    path.write_bytes(b'{"n":0,"t":0.0,"wall":"2024-03-')
    assert find_left_behind(path) is None
    live = begin(path)
    assert len(journal.read(path).entries) == 1
    live.discard()


def test_a_journal_that_cannot_be_replayed_is_reported_not_removed(path):
    path.write_bytes(b'{"n":0,"t":0.0,"wall":"2024-03-05T19:00:00","a":{"type":"dance"}}\n')
    with pytest.raises(JournalUnreadable, match="cannot be replayed"):
        find_left_behind(path)
    assert path.exists()


def test_end_saves_counts_then_deletes_the_journal(path, tmp_path):
    database = Database.open(tmp_path / "facilitator.json")
    database.add_meeting(MEETING)
    clock = FakeClock(STARTED)
    live = begin(path, clock)
    live.do(a.SignIn(name="Zephyrine", visitor=True))
    live.do(a.Collection(cents=725))
    clock.advance(3600)
    record = live.end(database)
    assert not path.exists()
    stored = database.records()
    assert stored == [record]
    assert (record.attendance, record.visitors, record.collection) == (1, 1, 725)
    assert (record.start.isoformat(), record.end.isoformat()) == ("19:00:00", "20:00:00")
    database.close()


def test_discard_deletes_the_journal_and_saves_nothing(path, tmp_path):
    database = Database.open(tmp_path / "facilitator.json")
    database.add_meeting(MEETING)
    live = begin(path)
    live.do(a.SignIn(name="Quillon"))
    live.discard()
    assert not path.exists() and database.records() == []
    database.close()


def test_an_action_after_the_journal_failed_is_refused_and_not_shown(path):
    """Nothing lost: if the line can't be written the state does not change."""
    from facilitator.store.errors import StorageFailed

    live = begin(path)
    live.journal.close()  # the file descriptor is gone: writing fails
    with pytest.raises(StorageFailed):
        live.do(a.SignIn())
    assert live.session.attendance == 0
