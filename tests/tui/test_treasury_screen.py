"""The treasury screen as a treasurer uses it: each change stored, undo, the report."""

from datetime import date

from textual.widgets import DataTable, Input, Select, Static
from tests.tui.treasury_sample import ENTRIES, MEETING, fill

from facilitator.core.treasury.entry import Entry
from facilitator.tui.screens.treasury.entry_form import EntryFormScreen
from facilitator.tui.screens.treasury.figures import TreasuryFigures
from facilitator.tui.screens.treasury.screen import TreasuryScreen


async def open_treasury(app, pilot) -> TreasuryScreen:
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, TreasuryScreen)
    return app.screen


def stored(app) -> list[Entry]:
    return app.database.ledger_entries()


async def fill_form(pilot, kind: str, amount: str, detail: str = "", memo: str = "",
                    day: str | None = None) -> None:
    form = pilot.app.screen
    assert isinstance(form, EntryFormScreen)
    form.query_one("#entry-kind", Select).value = kind
    await pilot.pause()
    if day is not None:
        form.query_one("#entry-date", Input).value = day
    form.query_one("#entry-amount", Input).value = amount
    form.query_one("#entry-detail", Input).value = detail
    form.query_one("#entry-memo", Input).value = memo
    await pilot.press("ctrl+s")
    await pilot.pause()


async def add_through_form(pilot, *values: str, day: str | None = None) -> None:
    """Press a, then fill in and save the form."""
    await pilot.press("a")
    await pilot.pause()
    await fill_form(pilot, *values, day=day)


async def test_the_figures_and_the_entries_newest_first(make_app):
    app = make_app(meetings=[MEETING])
    fill(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_treasury(app, pilot)
        figures = screen.figures
        assert (figures.balance, figures.reserve_target, figures.available) == (155050, 94500,
                                                                                60550)
        assert [share.amount for share in figures.split()] == [24220, 18165, 18165]
        shown = str(screen.query_one(TreasuryFigures).render())
        assert "Balance 1,550.50 USD" in shown and "Available to send 605.50" in shown
        table = screen.query_one(DataTable)
        assert table.row_count == len(ENTRIES)
        assert str(table.get_row_at(0)[0]) == "2024-02-28"
        # markup in a memo is shown as it was typed
        memos = [str(table.get_row_at(n)[4]) for n in range(table.row_count)]
        assert "[b]literature[/b] sale" in memos


async def test_add_edit_delete_and_undo_each_stored(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_treasury(app, pilot)
        await add_through_form(pilot, "expense", "45", "literature", "Big Book order",
                               day="2024-03-01")
        assert stored(app) == [Entry("expense", date(2024, 3, 1), 4500, category="literature",
                                     memo="Big Book order")]
        assert screen.figures.expenses == 4500

        await pilot.press("e")
        await pilot.pause()
        await fill_form(pilot, "expense", "47.25", "literature", "Big Book order")
        assert [entry.amount for entry in stored(app)] == [4725]
        await pilot.press("u")
        await pilot.pause()
        assert [entry.amount for entry in stored(app)] == [4500]

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert stored(app) == []
        assert screen.query_one(DataTable).row_count == 0
        await pilot.press("u")
        await pilot.pause()
        assert [entry.memo for entry in stored(app)] == ["Big Book order"]
        assert screen.query_one(DataTable).row_count == 1


async def test_a_delete_asks_first(make_app):
    app = make_app(meetings=[MEETING])
    fill(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_treasury(app, pilot)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(stored(app)) == len(ENTRIES)


async def test_a_refused_value_names_the_field_and_stores_nothing(make_app, db_path):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_treasury(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        before = db_path.read_bytes() if db_path.exists() else None
        for amount, detail, memo, message in [
                ("1e308", "rent", "", "amount: '1e308' is not an amount"),
                ("12.50", "", "", "category: cannot be empty"),
                ("12.50", "rent", "\x1b]0;x\x07", "memo: cannot contain control characters"),
                ("-5", "rent", "", "amount: '-5' is not an amount")]:
            await fill_form(pilot, "expense", amount, detail, memo)
            form = app.screen
            assert isinstance(form, EntryFormScreen)
            assert str(form.query_one("#entry-error", Static).render()).startswith(message)
        await pilot.press("escape")
        await pilot.pause()
        assert stored(app) == []
        assert (db_path.read_bytes() if db_path.exists() else None) == before


async def test_undo_of_a_new_opening_brings_back_the_old_one(make_app):
    app = make_app(meetings=[MEETING])
    fill(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_treasury(app, pilot)
        await add_through_form(pilot, "opening", "10", day="2023-11-01")
        assert [e.amount for e in stored(app) if e.kind == "opening"] == [1000]
        await pilot.press("u")
        await pilot.pause()
        assert [e.amount for e in stored(app) if e.kind == "opening"] == [180000]


async def test_the_report_button_writes_markdown_beside_the_database(make_app, db_path):
    app = make_app(meetings=[MEETING])
    fill(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_treasury(app, pilot)
        await pilot.click("#treasury-actions Button.-primary")
        await pilot.pause()
    report = db_path.with_name("treasurer-report-2024-02.md")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Treasurer's report")
    assert "| Sent to: District 12 | \\-50.00 USD |" in text
    assert "\\[b\\]literature\\[/b\\] sale" in text


async def test_the_treasury_is_in_the_command_palette(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Treasury" in titles


async def test_it_works_at_40x12(make_app):
    app = make_app(meetings=[MEETING])
    fill(app)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_treasury(app, pilot)
        shown = str(screen.query_one(TreasuryFigures).render())
        assert shown.splitlines()[:3] == ["Balance         1,550.50 USD",
                                          "Reserve           945.00",
                                          "Available         605.50"]
        assert screen.query_one(DataTable).region.height >= 3
        await add_through_form(pilot, "income", "3", day="2024-03-01")
        assert stored(app)[-1] == Entry("income", date(2024, 3, 1), 300)


async def test_the_plan_is_set_in_the_app_checked_and_undone(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_treasury(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        form.query_one("#plan-split", Input).value = "District 40, Area 30, GSO 20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#plan-error", Static).render()) == (
            "split plan: the percents total 90, not 100")
        form.query_one("#plan-split", Input).value = "District 40, Area 30%, GSO 30"
        form.query_one("#plan-reserve", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.database.settings()
        assert saved.split_plan == (("District", 40), ("Area", 30), ("GSO", 30))
        assert saved.reserve_months == 2 and screen.figures.reserve_months == 2
        await pilot.press("u")
        await pilot.pause()
        assert app.database.settings().split_plan == ()
        assert app.database.settings().reserve_months == 3


async def test_a_chip_delivery_adds_to_the_stock_and_undo_takes_both_back(make_app):
    app = make_app(meetings=[MEETING])
    app.database.save_stock({"30d": {"on_hand": 2, "reorder_at": 5}})
    async with app.run_test(size=(80, 24)) as pilot:
        await open_treasury(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#entry-stock", Input).value = "30d=20, 1y=5"
        await fill_form(pilot, "expense", "60", "rent", day="2024-03-01")
        assert str(app.screen.query_one("#entry-error", Static).render()) == (
            'chips received: goes with the category "chips and keytags"')
        await fill_form(pilot, "expense", "60", "Chips and keytags", day="2024-03-01")
        assert [entry.amount for entry in stored(app)] == [6000]
        assert app.database.stock() == {"30d": {"on_hand": 22, "reorder_at": 5},
                                        "1y": {"on_hand": 5, "reorder_at": 0}}
        await pilot.press("u")
        await pilot.pause()
        assert stored(app) == []
        assert app.database.stock() == {"30d": {"on_hand": 2, "reorder_at": 5}}
