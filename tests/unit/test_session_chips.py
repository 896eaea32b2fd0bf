"""The chip ceremony: counts by milestone key, undo, and stock taken with the record."""

from datetime import datetime
from unittest import mock

import pytest

from facilitator.core.chips import chip_stock
from facilitator.core.clock import FakeClock
from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.meeting import actions as a
from facilitator.core.meeting.session import start, start_action
from facilitator.core.meeting.session_history import SessionHistory, replay
from facilitator.core.settings import GroupSettings
from facilitator.store import files, journal
from facilitator.store.database import Database
from facilitator.store.live_meeting import LiveMeeting

STARTED = datetime(2024, 3, 5, 19, 0)
MEETING = Meeting(name="Tuesday Night")


def run(*keys: str) -> SessionHistory:
    history = SessionHistory(start(start_action(MEETING, STARTED.date(), STARTED, "USD")))
    for t, key in enumerate(keys):
        history = history.do(a.Chip(key), float(t))
    return history


@pytest.mark.parametrize("keys, counts", [
    ((), {}),
    (("30d",), {"30d": 1}),
    (("30d", "30d", "24h"), {"30d": 2, "24h": 1}),
    (("welcome", "12y", "welcome"), {"welcome": 2, "12y": 1}),
])
def test_each_chip_counts_one_under_its_key(keys, counts):
    assert dict(run(*keys).present.chips) == counts


def test_undo_takes_one_chip_back_and_redo_gives_it_again():
    history = run("30d", "30d").undo()
    assert dict(history.present.chips) == {"30d": 1}
    assert dict(history.redo().present.chips) == {"30d": 2}
    assert dict(history.undo().present.chips) == {}


@pytest.mark.parametrize("key", ["", "30 days", "Ann", "30D", "x" * 41])
def test_a_key_that_is_not_a_milestone_key_is_refused(key):
    history = run()
    with pytest.raises(ValidationError, match="chip: .* is not a milestone key"):
        history.do(a.Chip(key), 0.0)


@pytest.mark.parametrize("key", [30, None, ["30d"]])
def test_a_journaled_key_that_is_not_text_is_refused(key):
    with pytest.raises(ValidationError, match="chip key: must be text"):
        a.parse_action({"type": "chip", "key": key})


def test_record_keeps_the_counts_and_the_journal_replays_them():
    history = run("90d", "1y", "90d")
    record = history.present.to_record(STARTED, 0.0)
    assert dict(record.chips) == {"90d": 2, "1y": 1} and record.chips_total == 3
    entries = [{"t": 0.0, "a": start_action(MEETING, STARTED.date(), STARTED, "USD").to_json()}]
    entries += [{"t": 1.0, "a": {"type": "chip", "key": k}} for k in ("90d", "1y", "90d")]
    entries.append({"t": 2.0, "a": {"type": "undo"}})
    assert dict(replay(entries).history.present.chips) == {"90d": 1, "1y": 1}


# (stock before, chips given by stock key, chips returned, stock after)
GIVE_MANY = [
    ({"30d": (5, 2)}, {"30d": 2}, {}, {"30d": (3, 2)}),
    ({"30d": (1, 0)}, {"30d": 3}, {}, {"30d": (-2, 0)}),
    ({"30d": (4, 1)}, {"30d": 2}, {"30d": 2}, {"30d": (4, 1)}),
    ({"30d": (4, 1)}, {"60d": 1}, {}, {"30d": (4, 1)}),  # 60 days isn't counted: untouched
    ({}, {"30d": 5}, {}, {}),
]


@pytest.mark.parametrize("before, given, returned, after", GIVE_MANY)
def test_give_many(before, given, returned, after):
    stock = {key: chip_stock.StockLevel(*level) for key, level in before.items()}
    result = chip_stock.give_many(stock, given, returned)
    assert {key: (lv.on_hand, lv.reorder_at) for key, lv in result.items()} == after


def test_by_stock_key_adds_up_milestones_sharing_one_chip():
    key_of = {"2y": "multiple-years", "3y": "multiple-years"}.get
    counts = chip_stock.by_stock_key({"2y": 1, "3y": 2, "30d": 1}, lambda k: key_of(k, k))
    assert counts == {"multiple-years": 3, "30d": 1}


def open_database(tmp_path, stock: dict | None = None, ladder: str = "aa") -> Database:
    database = Database.open(tmp_path / "facilitator.json")
    database.add_meeting(MEETING)
    database.save_settings(GroupSettings(ladder=ladder))
    if stock is not None:
        database.save_stock(stock)
    return database


def meeting_with_chips(tmp_path, *keys: str) -> LiveMeeting:
    live = LiveMeeting.begin(tmp_path / "journal", MEETING, GroupSettings(), FakeClock(STARTED))
    for key in keys:
        live.do(a.Chip(key))
    return live


def test_end_takes_chips_from_stock_in_the_same_write_as_the_record(tmp_path):
    database = open_database(tmp_path, {"30d": {"on_hand": 3, "reorder_at": 2},
                                        "1y": {"on_hand": 1, "reorder_at": 0}})
    live = meeting_with_chips(tmp_path, "30d", "30d", "1y")
    with mock.patch("facilitator.store.storage.atomic_write", wraps=files.atomic_write) as write:
        record = live.end(database)
    database_writes = [c for c in write.call_args_list if c.args[0] == database.path]
    assert len(database_writes) == 1  # record and stock together
    assert dict(record.chips) == {"30d": 2, "1y": 1}
    assert database.stock() == {"30d": {"on_hand": 1, "reorder_at": 2},
                                "1y": {"on_hand": 0, "reorder_at": 0}}
    database.close()
    with Database.open(tmp_path / "facilitator.json", writer=False) as reread:
        assert dict(reread.records()[0].chips) == {"30d": 2, "1y": 1}
        assert reread.stock()["30d"]["on_hand"] == 1


def test_na_yearly_keytags_come_from_one_stock(tmp_path):
    database = open_database(tmp_path, {"multiple-years": {"on_hand": 10, "reorder_at": 1}},
                             ladder="na")
    meeting_with_chips(tmp_path, "2y", "7y", "welcome").end(database)
    stock = database.stock()
    assert stock["multiple-years"]["on_hand"] == 8 and "welcome" not in stock
    database.close()


def test_a_group_keeping_no_stock_gets_none_written(tmp_path):
    database = open_database(tmp_path)
    meeting_with_chips(tmp_path, "30d").end(database)
    assert database.stock() == {} and database.records()[0].chips == {"30d": 1}
    database.close()


def test_saving_the_same_meeting_again_does_not_take_its_chips_twice(tmp_path):
    """A crash after the write, before the journal went: resumed and saved again (replace)."""
    database = open_database(tmp_path, {"30d": {"on_hand": 5, "reorder_at": 0}})
    live = meeting_with_chips(tmp_path, "30d", "30d")
    live.end(database)
    again = meeting_with_chips(tmp_path, "30d", "30d", "30d")
    again.end(database, replace=True)
    assert database.stock()["30d"]["on_hand"] == 2
    assert database.records()[0].chips == {"30d": 3}
    database.close()


def test_a_failed_write_saves_neither_record_nor_stock_and_keeps_the_journal(tmp_path):
    database = open_database(tmp_path, {"30d": {"on_hand": 5, "reorder_at": 0}})
    before = database.path.read_bytes()
    live = meeting_with_chips(tmp_path, "30d")
    with mock.patch("facilitator.store.storage.atomic_write", side_effect=OSError(28, "full")):
        with pytest.raises(Exception, match="full"):
            live.end(database)
    assert database.path.read_bytes() == before
    assert database.records() == [] and database.stock()["30d"]["on_hand"] == 5
    assert journal.read(tmp_path / "journal").entries  # the meeting can still be saved
    database.close()
