"""Typed meeting actions: one handler each, strict parsing, and the journal's JSON kept."""

import ast
import shutil
from dataclasses import MISSING, fields
from datetime import date, datetime
from pathlib import Path
from types import UnionType

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.meeting import actions as a
from facilitator.core.meeting import session_business
from facilitator.core.meeting.handlers import HANDLERS, HISTORY_STEPS
from facilitator.core.meeting.session_history import replay
from facilitator.store import journal
from facilitator.store.live_meeting import find_left_behind

FIXTURE = Path(__file__).parent / "fixtures" / "journal_before_typed_actions.jsonl"
SCREENS = Path(a.__file__).parents[2] / "tui" / "screens" / "meeting"
# Actions added after the fixture's journal was written (each round-trips above instead).
ADDED_SINCE = {"queue_pass", "sign_in_and_queue"}
SAMPLE_VALUES = {bool: True, int: 3, str: "30d", date: date(2024, 3, 5),
                 datetime: datetime(2024, 3, 5, 19, 0)}

TUPLE_VALUES = {"agenda": ({"title": "Shares", "minutes": 40, "kind": "shares"},),
                "tabled": ({"text": "Buy chips", "history": [{"step": "moved"},
                                                             {"step": "tabled"}]},)}
# Actions newer than the fixture's journal: replayed in tests/unit/test_session_business.py.
BUSINESS_ACTIONS = {cls.type for cls in session_business.HANDLED}


def example(cls: type[a.Action]) -> a.Action:
    """An instance with every field set away from its default."""
    values = {}
    for spec in fields(cls):
        kind = spec.type
        if isinstance(kind, UnionType):
            kind = next(arg for arg in kind.__args__ if arg is not type(None))
        values[spec.name] = TUPLE_VALUES[spec.name] if spec.name in TUPLE_VALUES \
            else SAMPLE_VALUES[kind]
    return cls(**values)


def test_every_action_has_one_handler_or_is_a_history_step():
    """A new action class without a handler (or a handler for no class) fails here."""
    assert set(a.ACTION_CLASSES) == set(HANDLERS) | HISTORY_STEPS
    assert not set(HANDLERS) & HISTORY_STEPS
    assert len({cls.type for cls in a.ACTION_CLASSES}) == len(a.ACTION_CLASSES)


def sent_by_the_screens() -> set[str]:
    """Names of the action classes the meeting screens build."""
    names = {cls.__name__ for cls in a.ACTION_CLASSES}
    built = set()
    for path in SCREENS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Name) and node.id in names:
                built.add(node.id)
            elif isinstance(node, ast.Attribute) and node.attr in names:
                built.add(node.attr)
    return built


def test_every_action_the_screens_send_has_a_handler():
    sent = sent_by_the_screens()
    assert len(sent) >= 25  # the scan finds them (sign-in, queue, shares, chips, agenda...)
    handled = {cls.__name__ for cls in set(HANDLERS) | HISTORY_STEPS}
    assert sent <= handled


def test_the_screens_build_no_action_dicts():
    for path in SCREENS.glob("*.py"):
        assert '"type":' not in path.read_text(), path.name


@pytest.mark.parametrize("cls", (a.Start,) + a.ACTION_CLASSES, ids=lambda cls: cls.type)
def test_each_action_round_trips_through_a_journal_line(cls):
    """action -> JSON line -> parse -> the same action, for every kind (defaults too)."""
    parse = a.Start.from_json if cls is a.Start else a.parse_action
    full = example(cls)
    required_only = cls(**{spec.name: getattr(full, spec.name) for spec in fields(cls)
                           if spec.default is MISSING})
    for action in (full, required_only):
        line = orjson.dumps(action.to_json())
        assert parse(orjson.loads(line)) == action


def test_the_journal_json_is_the_one_written_before_typed_actions():
    """Every line of a journal written by the previous build reads back to the same JSON."""
    entries = journal.read(FIXTURE).entries
    assert a.Start.from_json(entries[0]["a"]).to_json() == entries[0]["a"]
    for entry in entries[1:]:
        assert a.parse_action(entry["a"]).to_json() == entry["a"]
    assert {entry["a"]["type"] for entry in entries[1:]} >= {
        cls.type for cls in HANDLERS} - BUSINESS_ACTIONS - ADDED_SINCE, (
        "the fixture covers every action older than it")


def test_a_journal_left_by_the_previous_build_resumes_whole(tmp_path):
    path = tmp_path / "facilitator.json.journal"
    shutil.copy(FIXTURE, path)
    left = find_left_behind(path)
    session = left.session
    assert (left.skipped_actions, left.skipped_note) == (0, "")
    assert (session.attendance, session.newcomers, session.visitors, session.online) == (3, 1, 1, 1)
    assert (session.collection, dict(session.chips), session.bell) == (4275, {"30d": 1}, True)
    assert (session.stats.shares, session.stats.passes, session.share_seconds) == (2, 1, 240)
    assert (session.queue.mode, session.queue.priority, session.queue.waiting) == ("round", False, ())
    assert session.names_on_display and session.agenda.index == 1
    assert [p.name for p in session.attendees] == ["Ann", "Di", "Bo"]


@pytest.mark.parametrize("data, field, reason", [
    ({"type": "sign_in", "newcomer": "yes"}, "sign_in newcomer", "true or false"),
    ({"type": "sign_in", "name": 5}, "sign_in name", "text"),
    ({"type": "correct", "name": "Ann"}, "correct id", "is missing"),
    ({"type": "remove", "id": True}, "remove id", "whole number"),
    ({"type": "remove", "id": "3"}, "remove id", "whole number"),
    ({"type": "collection", "cents": 1.5}, "collection cents", "whole number"),
    ({"type": "queue_up"}, "queue_up speaker", "is missing"),
    ({"type": "share_start", "pick": 7}, "share_start pick", "text"),
    ({"type": "chip", "key": "30d", "who": "Ann"}, "chip who", "not a field"),
    ({"type": "undo", "steps": 2}, "undo steps", "not a field"),
    ({"type": "dance"}, "action", "unknown action 'dance'"),
    ({"type": "start", "meeting": "M"}, "action", "unknown action 'start'"),
    ({"name": "Ann"}, "action", "unknown action 'None'"),
    (["sign_in"], "action", "unknown action 'None'"),
])
def test_a_wrong_missing_or_unknown_field_is_refused_by_name(data, field, reason):
    with pytest.raises(ValidationError) as caught:
        a.parse_action(data)
    assert caught.value.field == field and reason in caught.value.reason
    assert "Ann" not in str(caught.value)  # the value may be a name: never echoed


@pytest.mark.parametrize("data, field", [
    ({"type": "start", "meeting": "M", "date": "2024-03-05"}, "start started"),
    ({"type": "start", "meeting": "M", "date": "5 March", "started": "2024-03-05T19:00"},
     "start date"),
    ({"type": "start", "meeting": "M", "date": "2024-03-05", "started": "2024-03-05T19:00",
      "agenda": "Readings"}, "start agenda"),
    ({"type": "sign_in"}, "action"),
])
def test_a_damaged_start_is_refused_by_name(data, field):
    with pytest.raises(ValidationError) as caught:
        a.Start.from_json(data)
    assert caught.value.field == field


def entries_with(*actions: dict) -> list[dict]:
    lines = journal.read(FIXTURE).entries[:5]
    return lines + [{"n": len(lines) + n, "t": 200.0 + n, "wall": "2024-03-05T19:05:00",
                     "a": action} for n, action in enumerate(actions)]


def test_replay_skips_only_refused_actions_and_tells_the_first_reason():
    replayed = replay(entries_with({"type": "sign_in", "name": "Eve"},
                                   {"type": "sign_in", "online": "yes"},
                                   {"type": "remove", "id": 99},
                                   {"type": "sign_in", "name": "Flo"}))
    assert (replayed.skipped, replayed.first_reason) == (2, "sign_in online: must be true or false")
    assert [p.name for p in replayed.history.present.attendees][-2:] == ["Eve", "Flo"]


def test_a_bug_in_a_handler_is_raised_not_skipped(monkeypatch):
    def broken(session, action, t):
        raise KeyError("a bug")

    monkeypatch.setitem(HANDLERS, a.SignIn, broken)
    with pytest.raises(KeyError):
        replay(entries_with({"type": "sign_in", "name": "Eve"}))


def test_the_resume_flow_reports_skipped_actions_in_one_line(tmp_path):
    path = tmp_path / "facilitator.json.journal"
    path.write_bytes(b"".join(orjson.dumps(entry) + b"\n" for entry in entries_with(
        {"type": "share_adjust", "delta": "a minute"}, {"type": "queue_top"})))
    left = find_left_behind(path)
    assert left.skipped_actions == 2
    assert left.skipped_note == ("2 actions could not be replayed and were skipped; the "
                                 "first: share_adjust delta: must be a whole number")


SIGN_INS = st.builds(a.SignIn, st.text(max_size=20), st.booleans(), st.booleans(), st.booleans())


@settings(max_examples=50, deadline=None)
@given(SIGN_INS)
def test_a_sign_in_writes_only_the_flags_it_sets(action):
    data = action.to_json()
    assert {key for key in data if key not in ("type", "name")} == {
        flag for flag in ("newcomer", "visitor", "online") if getattr(action, flag)}
    assert a.parse_action(orjson.loads(orjson.dumps(data))) == action
