"""The share that just ended stays in sight; the header knows if the meeting runs behind;
one key signs a typed name in and puts it in the queue."""

from datetime import datetime

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.agenda import AgendaProgress, Format, Section, drift_text
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory
from facilitator.core.meeting.share_timer import LastShare
from facilitator.core.schedule.meeting import Meeting

MIN = 60
STARTED = datetime(2024, 3, 5, 19, 0)


def meeting(*steps: tuple[float, a.Action]) -> SessionHistory:
    history = SessionHistory(start(start_action(
        Meeting(name="Tuesday Night", share_minutes=5), STARTED.date(), STARTED, "USD")))
    for t, action in steps:
        history = history.do(action, t)
    return history


# -- the last share ------------------------------------------------------------------------

@pytest.mark.parametrize("seconds, planned, over, text", [
    (372, 300, True, "last share 6:12, 1:12 over"),
    (290, 300, False, "last share 4:50, in time"),
    (300, 300, True, "last share 5:00, 0:00 over"),   # at time: the clock said +0:00 too
    (300, 300, False, "last share 5:00, in time"),    # 299.6 s, rounded for the record
    (301, 300, True, "last share 5:01, 0:01 over"),
    (3725, 300, True, "last share 62:05, 57:05 over"),
])
def test_the_last_share_says_its_length_and_how_far_over(seconds, planned, over, text):
    assert LastShare(seconds, planned, over).describe() == text


@pytest.mark.parametrize("ended_at, over", [(299.6, False), (300.0, True), (300.4, True)])
def test_the_last_share_is_over_exactly_when_the_statistics_count_it_over(ended_at, over):
    session = meeting((0, a.ShareStart()), (ended_at, a.ShareEnd())).present
    assert session.last_share == LastShare(300, 300, over)
    assert session.stats.over_time == int(over)


def test_the_last_share_stays_until_the_next_starts_and_undo_brings_it_back():
    ended = meeting((0, a.ShareStart()), (372.4, a.ShareEnd()))
    assert ended.present.last_share == LastShare(372, 300, True)
    assert ended.do(a.Collection(100), 400).present.last_share == LastShare(372, 300, True)
    next_share = ended.do(a.ShareStart(), 410)
    assert next_share.present.last_share is None
    assert next_share.undo().present.last_share == LastShare(372, 300, True)


def test_a_pass_is_no_share_to_keep_in_sight():
    passed = meeting((0, a.ShareStart()), (20, a.SharePass()))
    assert passed.present.last_share is None


def test_a_share_lengthened_on_the_way_is_over_only_past_its_new_length():
    ended = meeting((0, a.ShareStart()), (10, a.ShareAdjust(60)), (330, a.ShareEnd()))
    assert ended.present.last_share == LastShare(330, 360, False)
    assert ended.present.last_share.over_by == 0


# -- ahead of or behind the format ---------------------------------------------------------

def three_sections() -> AgendaProgress:
    return AgendaProgress.start(Format((Section("Opening", 5), Section("Shares", 40,
                                        kind="shares"), Section("Closing", 5))), 0.0)


@pytest.mark.parametrize("moves, now, behind", [
    ([], 4 * MIN, 0),                          # in the first section, within its plan
    ([], 8 * MIN, 3 * MIN),                    # the first section running 3 min over
    ([8 * MIN], 9 * MIN, 3 * MIN),             # it ended 3 min late: still behind
    ([2 * MIN], 3 * MIN, -3 * MIN),            # it ended 3 min early: ahead
    ([2 * MIN, 2 * MIN], 3 * MIN, -43 * MIN),  # the shares skipped: their time given back
    ([8 * MIN, 48 * MIN, 53 * MIN], 60 * MIN, 3 * MIN),  # all done, 3 min late
])
def test_drift_is_what_the_sections_left_took_beyond_the_plan(moves, now, behind):
    progress = three_sections()
    for at in moves:
        progress = progress.next(at)
    assert progress.drift(now) == behind


@pytest.mark.parametrize("seconds, text", [
    (0, "on time"), (59, "on time"), (-59, "on time"), (60, "1 min behind"),
    (185, "3 min behind"), (-120, "2 min ahead"),
])
def test_drift_in_words(seconds, text):
    assert drift_text(seconds) == text


# -- sign in and queue in one key ----------------------------------------------------------

def test_a_typed_name_signs_in_and_joins_the_queue_in_one_step():
    history = meeting((0, a.SignInAndQueue(" Zoë ")))
    session = history.present
    assert [person.name for person in session.attendees] == ["Zoë"]
    assert [person.label for person in session.queue.waiting] == ["Zoë"]
    assert session.queue.waiting[0].id == session.attendees[0].speaker.id
    assert history.undo().present.attendance == 0  # one undo takes back both
    assert history.undo().present.queue.waiting == ()


def test_someone_already_signed_in_only_joins_the_queue():
    session = meeting((0, a.SignIn("Zoë")), (1, a.SignInAndQueue("ZOË"))).present
    assert session.attendance == 1
    assert [person.label for person in session.queue.waiting] == ["Zoë"]


def test_an_empty_name_signs_nobody_in():
    with pytest.raises(ValidationError, match="type a first name"):
        meeting((0, a.SignInAndQueue("  ")))
