"""The meeting reducer: each action, undo and redo, and replay of a journal."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.settings import GroupSettings
from facilitator.core.clock import FakeClock
from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.handlers import apply
from facilitator.core.meeting.session import Attendee, start, start_action
from facilitator.core.meeting.session_history import SessionHistory, replay
from facilitator.store import journal
from facilitator.store.live_meeting import LiveMeeting

STARTED = datetime(2024, 3, 5, 19, 0)


def fresh() -> SessionHistory:
    """A meeting just started, nobody signed in."""
    meeting = Meeting(name="Tuesday Night", share_minutes=4, duration_minutes=60)
    return SessionHistory(start(start_action(meeting, STARTED.date(), STARTED, "EUR")))


def run(*actions: a.Action) -> SessionHistory:
    history = fresh()
    for t, data in enumerate(actions):
        history = history.do(data, float(t))
    return history


def test_start_action_describes_the_meeting():
    """The first journal action carries everything the session needs to be rebuilt."""
    session = fresh().present
    assert (session.meeting, session.date, session.started) == ("Tuesday Night",
                                                                date(2024, 3, 5), STARTED)
    assert (session.share_minutes, session.duration_minutes, session.currency) == (4, 60, "EUR")
    assert session.attendance == 0 and session.collection == 0


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({}, (1, 0, 0, 0)),
        ({"newcomer": True}, (1, 1, 0, 0)),
        ({"visitor": True}, (1, 0, 1, 0)),
        ({"online": True}, (1, 0, 0, 1)),
        ({"newcomer": True, "online": True}, (1, 1, 0, 1)),
        ({"newcomer": False, "visitor": False}, (1, 0, 0, 0)),
    ],
)
def test_sign_in_counts_each_flag(flags, expected):
    """One sign-in counts one attendee, and each flag in its own count."""
    session = run(a.SignIn(name="", **flags)).present
    assert (session.attendance, session.newcomers, session.visitors, session.online) == expected


def test_sign_in_numbers_people_and_keeps_a_clean_name():
    """Numbers go up; the name is cleaned of control characters; anonymous is 'Guest n'."""
    session = run(a.SignIn(name="  Ann\x1b[31m  "),
                  a.SignIn()).present
    assert session.attendees == (Attendee(1, "Ann[31m"), Attendee(2, ""))
    assert [p.label for p in session.attendees] == ["Ann[31m", "Guest 2"]


def test_numbers_are_never_reused_after_a_removal():
    """A removed person's number is not given to the next one (corrections name the id)."""
    session = run(a.SignIn(), a.SignIn(), a.Remove(id=2),
                  a.SignIn()).present
    assert [p.id for p in session.attendees] == [1, 3]


def test_correct_changes_name_and_flags_of_that_person_only():
    session = run(a.SignIn(name="Ann"), a.SignIn(name="Bo"),
                  a.Correct(id=1, name="Anne", visitor=True)).present
    assert session.attendees == (Attendee(1, "Anne", visitor=True), Attendee(2, "Bo"))
    assert (session.attendance, session.visitors) == (2, 1)


def test_remove_takes_the_person_and_their_flags_out_of_every_count():
    session = run(a.SignIn(newcomer=True), a.SignIn(online=True),
                  a.Remove(id=1)).present
    assert (session.attendance, session.newcomers, session.online) == (1, 0, 1)
    assert [p.id for p in session.attendees] == [2]


@pytest.mark.parametrize("action", [a.Correct(id=7, name=""), a.Remove(id=7)])
def test_correct_or_remove_of_an_unknown_number_is_refused(action):
    history = run(a.SignIn())
    with pytest.raises(ValidationError) as caught:
        history.do(action, 5.0)
    assert caught.value.field == "attendee" and "7" in caught.value.reason


@pytest.mark.parametrize(
    ("cents", "field_in_message"),
    [(-5, "cannot be negative"), ("abc", "whole number"), (10**9 + 1, "more than"),
     (True, "whole number"), (1.5, "whole number")],
)
def test_collection_refuses_what_is_not_a_sum_of_cents(cents, field_in_message):
    with pytest.raises(ValidationError) as caught:
        apply(fresh().present, a.Collection(cents=cents), 0.0)
    assert caught.value.field == "collection" and field_in_message in caught.value.reason


def test_collection_is_the_amount_last_entered():
    """Entering the amount again replaces it (a recount), it does not add up."""
    session = run(a.Collection(cents=3150), a.Collection(cents=4200)).present
    assert session.collection == 4200


def test_unknown_action_is_refused_by_name():
    with pytest.raises(ValidationError, match="unknown action 'dance'"):
        a.parse_action({"type": "dance"})


def test_to_record_keeps_counts_and_never_a_name():
    session = run(a.SignIn(name="Zephyrine", newcomer=True),
                  a.SignIn(name="Quillon", visitor=True),
                  a.Collection(cents=1250)).present
    record = session.to_record(datetime(2024, 3, 5, 20, 1, 42), 0.0)
    assert (record.attendance, record.newcomers, record.visitors, record.collection,
            record.currency) == (2, 1, 1, 1250, "EUR")
    assert (record.start.isoformat(), record.end.isoformat()) == ("19:00:00", "20:01:00")
    stored = str(record.to_dict())
    assert "Zephyrine" not in stored and "Quillon" not in stored


def test_undo_and_redo_restore_each_state_exactly():
    """Undo walks back through every earlier state; redo walks forward to the same ones."""
    actions = [a.SignIn(name="Ann"), a.SignIn(newcomer=True),
               a.Correct(id=1, name="Anne", online=True),
               a.Collection(cents=900), a.Remove(id=2)]
    history = fresh()
    states = [history.present]
    for t, action in enumerate(actions):
        history = history.do(action, float(t))
        states.append(history.present)
    for expected in reversed(states[:-1]):
        history = history.do(a.Undo(), 10.0)
        assert history.present == expected
    assert not history.can_undo and history.do(a.Undo(), 11.0) == history
    for expected in states[1:]:
        history = history.do(a.Redo(), 12.0)
        assert history.present == expected
    assert not history.can_redo


def test_a_new_action_after_undo_clears_redo():
    """Undo is an exact restore (the number is free again); the new action drops redo."""
    history = run(a.SignIn(), a.SignIn(), a.Undo(),
                  a.SignIn(visitor=True))
    assert not history.can_redo
    assert [(p.id, p.visitor) for p in history.present.attendees] == [(1, False), (2, True)]


def test_markers_change_nothing_and_are_not_undone():
    """'resumed' and 'closing' tell the journal's story; undo skips over them."""
    history = run(a.SignIn(), a.Resumed(), a.Closing())
    assert history.present.attendance == 1
    assert history.do(a.Undo(), 9.0).present.attendance == 0


ACTION = st.one_of(
    st.builds(lambda n, c, v, o: a.SignIn(name=n, newcomer=c, visitor=v, online=o),
              st.text(max_size=60), st.booleans(), st.booleans(), st.booleans()),
    st.builds(lambda i, n: a.Correct(id=i, name=n, visitor=True),
              st.integers(1, 8), st.text(max_size=10)),
    st.builds(lambda i: a.Remove(id=i), st.integers(1, 8)),
    st.builds(lambda c: a.Collection(cents=c), st.integers(0, 10**6)),
    st.just(a.Undo()),
    st.just(a.Redo()),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ACTION, max_size=25), st.lists(st.floats(0, 120), min_size=25, max_size=25))
def test_replaying_the_journal_rebuilds_the_live_state(tmp_path_factory, actions, gaps):
    """Whatever the actions (refused ones included), the journal replays to the live state."""
    clock = FakeClock(STARTED)
    path = tmp_path_factory.mktemp("replay") / "db.json.journal"
    live = LiveMeeting.begin(path, Meeting(name="Tuesday Night"), GroupSettings(), clock)
    for data, gap in zip(actions, gaps):
        clock.advance(gap)
        try:
            live.do(data)
        except ValidationError:
            pass  # refused: nothing journaled, nothing changed
    contents = journal.read(path)
    assert contents.dropped_lines == 0
    rebuilt = replay(contents.entries)
    assert rebuilt.history == live.history and rebuilt.skipped == 0
    assert [e["n"] for e in contents.entries] == list(range(len(contents.entries)))
    live.discard()


def test_the_main_speaker_of_a_speaker_meeting_gets_the_section_length():
    """In a speaker section the timer is the section's; after it, shares get the default."""
    from facilitator.core.meeting.agenda_templates import template
    from facilitator.core.meeting.session import start

    speaker_format = template("speaker")
    session = start(a.Start(meeting="Speaker Night", date=date(2024, 3, 5), started=STARTED,
                            share_minutes=4, agenda=tuple(speaker_format.to_list())))
    history = SessionHistory(session)
    while history.present.agenda.current.kind != "speaker":
        history = history.do(a.SectionNext(), 10.0)
    speaker_seconds = history.present.agenda.current.seconds
    history = history.do(a.ShareStart(), 20.0)
    assert history.present.timer.planned_seconds == speaker_seconds
    history = history.do(a.ShareEnd(), 30.0).do(a.SectionNext(), 40.0)
    history = history.do(a.ShareStart(), 50.0)
    assert history.present.timer.planned_seconds == 4 * 60
