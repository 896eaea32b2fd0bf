"""Snapshots: the meeting screen's Chips tab (chips given, stock low and out), the calculator."""

from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting

MEETING = Meeting(name="Tuesday Night")


class TestChips:
    """The Chips tab after three sign-ins and three chips; the calculator from the start."""

    def test_chips_given_with_low_and_out_stock(self, snap_compare, make_app):
        app = make_app(meetings=[MEETING])
        stock = {key: {"on_hand": 10, "reorder_at": 2}
                 for key in ("24h", "60d", "90d", "6m", "9m", "18m", "2y", "3y")}
        stock["30d"] = {"on_hand": 3, "reorder_at": 2}
        stock["1y"] = {"on_hand": 0, "reorder_at": 1}
        app.database.save_stock(stock)
        assert snap_compare(app, press=["enter", "_", "f2", "f2", "f2", "ctrl+g",
                                        "2", "7", "2", "_"], terminal_size=(80, 24))

    def test_calculator_with_a_date_checked(self, snap_compare, make_app):
        app = make_app(meetings=[MEETING])

        async def type_a_date(pilot) -> None:
            await pilot.pause()  # the start screen looks for a meeting left behind first
            await pilot.press("ctrl+t")
            await pilot.pause()
            pilot.app.screen.query_one(Input).cursor_blink = False  # the same picture each run
            await pilot.press(*"2023-01-31", "enter")
            await pilot.pause()

        assert snap_compare(app, run_before=type_a_date, terminal_size=(80, 24))
