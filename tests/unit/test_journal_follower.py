"""Following another process's journal: whole lines only, nothing once it goes, never a write."""

import os
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.meeting import actions as a
from facilitator.core.clock import FakeClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.journal_follower import JournalFollower
from facilitator.store.live_meeting import LiveMeeting, find_left_behind

MEETING = Meeting(name="Tuesday Night", share_minutes=4)
START = datetime(2024, 3, 5, 19, 0)


def begin(path: Path, clock: FakeClock | None = None) -> LiveMeeting:
    return LiveMeeting.begin(path, MEETING, GroupSettings(), clock or FakeClock(START))


def test_nothing_there_is_no_meeting(tmp_path):
    follower = JournalFollower(tmp_path / "x.journal")
    assert follower.poll() is False and follower.meeting is None


def test_follows_appends_and_knows_when_nothing_changed(tmp_path):
    path = tmp_path / "x.journal"
    clock = FakeClock(START)
    live = begin(path, clock)
    follower = JournalFollower(path)
    assert follower.poll() is True
    assert follower.meeting.session.meeting == "Tuesday Night" and follower.meeting.entries == 1
    assert follower.poll() is False
    clock.advance(42)
    live.do(a.SignIn(name="Ann"))
    assert follower.poll() is True
    followed = follower.meeting
    assert followed.session.attendance == 1
    assert (followed.last_t, followed.last_wall) == (42.0, datetime(2024, 3, 5, 19, 0, 42))
    assert followed.entries == 2


def test_a_line_half_written_waits_for_its_end(tmp_path):
    path = tmp_path / "x.journal"
    begin(path)
    follower = JournalFollower(path)
    follower.poll()
    line = b'{"n":1,"t":3.0,"wall":"2024-03-05T19:00:03","a":{"type":"sign_in","name":""}}\n'
    with open(path, "ab") as file:
        file.write(line[:30])
    follower.poll()
    assert follower.meeting.session.attendance == 0
    with open(path, "ab") as file:
        file.write(line[30:])
    assert follower.poll() is True and follower.meeting.session.attendance == 1


def test_a_torn_tail_cut_off_on_resume_is_read_again(tmp_path):
    path = tmp_path / "x.journal"
    live = begin(path)
    live.do(a.SignIn(name=""))
    live.journal.close()
    with open(path, "ab") as file:
        file.write(b'{"n":2,"t":5.0,"wall":"2024-03-05T19:00:05","a":{"type":"sign_in"')
        file.write(b"\n" + b"x" * 40 + b"\n")  # damaged: stops there, as a resume would
    follower = JournalFollower(path)
    follower.poll()
    assert follower.meeting.session.attendance == 1
    resumed = LiveMeeting.resume(find_left_behind(path), FakeClock(START))
    resumed.do(a.SignIn(name=""))
    assert follower.poll() is True and follower.meeting.session.attendance == 2


def test_deleted_or_closing_is_no_meeting(tmp_path):
    path = tmp_path / "x.journal"
    live = begin(path)
    follower = JournalFollower(path)
    follower.poll()
    live.do(a.Closing())
    assert follower.poll() is True and follower.meeting is None
    live.discard()
    assert follower.poll() is False and follower.meeting is None
    begin(path)
    assert follower.poll() is True and follower.meeting is not None
    os.unlink(path)
    assert follower.poll() is True and follower.meeting is None


def test_reading_changes_nothing(tmp_path):
    path = tmp_path / "x.journal"
    path.write_bytes(b'{"n": 0, "t": 0')  # torn in its first line: the app would remove it
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    follower = JournalFollower(path)
    follower.poll()
    assert follower.meeting is None
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.journal"]


ACTIONS = st.sampled_from([
    a.SignIn(name="Ann"), a.SignIn(name=""),
    a.QueueHand(), a.ShareStart(), a.ShareEnd(),
    a.SharePause(), a.SharePass(), a.Undo(), a.Redo(),
    a.DisplayNames(on=True), a.Collection(cents=250),
])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(ACTIONS, st.booleans(), st.integers(0, 90)), max_size=25))
def test_the_follower_always_agrees_with_the_meeting(steps):
    """Polled at any points, the follower ends with the very state the app holds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.journal"
        clock = FakeClock(START)
        live = begin(path, clock)
        follower = JournalFollower(path)
        for action, poll, seconds in steps:
            clock.advance(seconds)
            try:
                live.do(action)
            except ValueError:
                pass  # refused by the meeting: nothing written
            if poll:
                follower.poll()
        follower.poll()
        assert follower.meeting.session == live.session
        assert follower.meeting.entries == len(path.read_bytes().splitlines())
        live.journal.close()
