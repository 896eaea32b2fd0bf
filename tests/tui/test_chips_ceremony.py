"""The chip ceremony on the meeting screen: keys count chips, undo, stock taken on save."""

import pytest
from textual.widgets import Input, OptionList, TabbedContent

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store import journal
from facilitator.store.database import Database
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.summary import SummaryScreen

MEETING = Meeting(name="Tuesday Night")


def notifications(app) -> list[tuple[str, str]]:
    return [(n.message, n.severity) for n in app._notifications]


def chip_actions(path) -> list[str]:
    return [e["a"]["key"] for e in journal.read(path).entries if e["a"]["type"] == "chip"]


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def list_rows(screen) -> list[str]:
    options = screen.query_one("#chips-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_chips(pilot, start_meeting) -> MeetingScreen:
    """Start the meeting, then ctrl+g: the Chips tab with its list focused."""
    screen = await start_meeting(pilot)
    await pilot.press("ctrl+g")
    await pilot.pause()
    assert screen.query_one("#left-tabs", TabbedContent).active == "tab-chips"
    assert screen.query_one("#chips-list", OptionList).has_focus
    return screen


# (ladder, keys pressed, chips counted)
KEYS = [
    ("aa", ["1"], {"24h": 1}),
    ("aa", ["2", "2", "4"], {"30d": 2, "90d": 1}),
    ("aa", ["7", "8", "9", "0", "a"], {"1y": 1, "18m": 1, "2y": 1, "3y": 1, "4y": 1}),
    ("na", ["1", "1", "5"], {"welcome": 2, "6m": 1}),
    ("monthly", ["0", "a", "b", "c"], {"10m": 1, "11m": 1, "1y": 1, "18m": 1}),
    ("aa", ["down", "down", "enter"], {"60d": 1}),
]


@pytest.mark.parametrize("ladder, keys, counts", KEYS)
async def test_one_key_per_milestone_counts_a_chip(make_app, start_meeting, journal_file,
                                                   ladder, keys, counts):
    app = make_app(meetings=[MEETING], settings=GroupSettings(ladder=ladder))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        await pilot.press(*keys)
        await pilot.pause()
        assert dict(screen.live.session.chips) == counts
    assert sorted(chip_actions(journal_file)) == sorted(k for k, n in counts.items()
                                                        for _ in range(n))


async def test_undo_takes_one_chip_back_and_redo_gives_it_again(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        await pilot.press("2", "2", "7")
        await pilot.pause()
        assert "×2" in list_rows(screen)[1] and "×1" in list_rows(screen)[6]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert dict(screen.live.session.chips) == {"30d": 2}
        assert "×" not in list_rows(screen)[6]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert dict(screen.live.session.chips) == {"30d": 1}
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert dict(screen.live.session.chips) == {"30d": 2}


async def test_ctrl_g_reaches_the_chips_while_a_name_is_being_typed(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Ann", "ctrl+g", "3")
        await pilot.pause()
        assert dict(screen.live.session.chips) == {"60d": 1}
        assert screen.query_one("#name-input", Input).value == "Ann"  # kept for later
        assert screen.live.session.attendance == 0


async def test_saving_stores_the_counts_and_takes_the_chips_from_stock(make_app, start_meeting,
                                                                       db_path,
                                                                      journal_file):
    app = make_app(meetings=[MEETING])
    app.database.save_stock({"30d": {"on_hand": 5, "reorder_at": 1},
                             "1y": {"on_hand": 2, "reorder_at": 0}})
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chips(pilot, start_meeting)
        await pilot.press("2", "2", "7", "f10")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Chips given     3  (30d ×2, 1y ×1)" in shown(app.screen, "#summary-figures")
        assert not app.screen.query("#summary-stock")  # nothing low after this meeting
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not journal_file.exists()
    assert dict(app.database.records()[0].chips) == {"30d": 2, "1y": 1}
    assert app.database.stock() == {"30d": {"on_hand": 3, "reorder_at": 1},
                                    "1y": {"on_hand": 1, "reorder_at": 0}}
    with Database.open(db_path, writer=False) as on_disk:
        assert dict(on_disk.records()[0].chips) == {"30d": 2, "1y": 1}
        assert on_disk.stock()["30d"]["on_hand"] == 3


async def test_at_the_reorder_level_the_screen_says_so(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    app.database.save_stock({"30d": {"on_hand": 4, "reorder_at": 2},
                             "24h": {"on_hand": 9, "reorder_at": 0}})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        assert "30 days" not in shown(screen, "#chips-warnings")
        await pilot.press("2")
        await pilot.pause()
        assert "30 days" not in shown(screen, "#chips-warnings")  # 3 left: above the level
        assert "3" in list_rows(screen)[1] and "LOW" not in list_rows(screen)[1]
        await pilot.press("2")
        await pilot.pause()
        assert "30 days: low, 2 left (reorder at 2)" in shown(screen, "#chips-warnings")
        assert list_rows(screen)[1].split()[-2:] == ["2", "LOW"]
        assert ("30 days: low, 2 left (reorder at 2)", "warning") in notifications(app)
        await pilot.press("f10")
        await pilot.pause()
        assert "30 days: low, 2 left (reorder at 2)" in shown(app.screen, "#summary-stock")
        await pilot.press("escape", "ctrl+z")  # back to the meeting; undo the second chip
        await pilot.pause()
        assert "30 days" not in shown(screen, "#chips-warnings")
    assert app.database.stock()["30d"]["on_hand"] == 4  # nothing taken before saving


async def test_an_out_of_stock_chip_is_given_but_flagged(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    app.database.save_stock({"30d": {"on_hand": 1, "reorder_at": 0}})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        await pilot.press("2")
        await pilot.pause()
        assert ("30 days: out of stock", "warning") in notifications(app)  # the last one
        await pilot.press("2")
        await pilot.pause()
        assert dict(screen.live.session.chips) == {"30d": 2}  # allowed
        assert ("Given although out of stock — 30 days: out of stock, 1 more given than "
                "counted", "warning") in notifications(app)
        assert list_rows(screen)[1].split()[-2:] == ["-1", "OUT"]
        await pilot.press("f10", "ctrl+s")
        await pilot.pause()
    assert app.database.stock()["30d"] == {"on_hand": -1, "reorder_at": 0}


async def test_a_group_that_keeps_no_stock_sees_no_stock_and_none_is_written(make_app,
                                                                              start_meeting):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        await pilot.press("2")
        await pilot.pause()
        assert "stock" not in shown(screen, "#chips-heading")
        assert shown(screen, "#chips-warnings") == ""
        assert notifications(app) == [("Chip given: 30d", "information")]  # no stock warning
        await pilot.press("f10", "ctrl+s")
        await pilot.pause()
    assert app.database.stock() == {}
    assert dict(app.database.records()[0].chips) == {"30d": 1}


async def test_a_ladder_that_cannot_load_leaves_the_meeting_running(make_app):
    app = make_app(meetings=[MEETING], settings=GroupSettings(ladder="tuesday"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "ctrl+g", "2", "f2")
        await pilot.pause()
        screen = app.screen
        assert "No chips: ladder: there is no ladder named 'tuesday'" in shown(
            screen, "#chips-problem")
        assert screen.live.session.chips == {} and screen.live.session.attendance == 1


async def test_the_chips_given_in_this_meeting_are_warned_about_first(make_app, start_meeting):
    """Only chips the group counts are warned about; the one just given comes first."""
    app = make_app(meetings=[MEETING])
    app.database.save_stock({"30d": {"on_hand": 5, "reorder_at": 1},
                             "24h": {"on_hand": 0, "reorder_at": 0},
                             "1y": {"on_hand": 1, "reorder_at": 1}})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chips(pilot, start_meeting)
        assert shown(screen, "#chips-warnings").splitlines() == [
            "24 hours: out of stock", "1 year: low, 1 left (reorder at 1)"]
        await pilot.press("7")
        await pilot.pause()
        assert shown(screen, "#chips-warnings").splitlines() == [
            "1 year: out of stock", "24 hours: out of stock"]
