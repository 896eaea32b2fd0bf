"""PagedTable: a window of a long list as DataTable rows, moved by the cursor and the wheel."""

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.tui.widgets.paged_table import PagedTable

ITEMS = list(range(1000))
WINDOW = PagedTable.WINDOW


class TableApp(App):
    def __init__(self, items) -> None:
        super().__init__()
        self.items = items
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield PagedTable()

    def on_mount(self) -> None:
        table = self.query_one(PagedTable)
        table.show([("Number", 8, True)], self.items, lambda n: [Text(str(n))])
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.selected.append(event.row_key.value)


def shown(table: PagedTable) -> tuple[int, int, str]:
    """(index under the cursor, first index held, the number drawn in the cursor's row)."""
    return table.position, table.window_start, table.get_row_at(table.cursor_row)[0].plain


def top_visible(table: PagedTable) -> int:
    return table.window_start + round(table.scroll_y)


async def wheel(pilot, table: PagedTable, event_type) -> None:
    """One notch of the mouse wheel over the table, delivered as Pilot delivers clicks."""
    x, y = table.region.offset + (2, 3)
    event = event_type(table, x, y, 0, 1, 0, False, False, False, screen_x=x, screen_y=y)
    pilot.app.screen._forward_event(event)
    await pilot.pause()


async def test_only_a_window_is_held_and_end_reaches_the_last_item():
    app = TableApp(ITEMS)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        assert table.row_count == WINDOW and shown(table) == (0, 0, "0")
        await pilot.press("end")
        await pilot.pause()
        assert shown(table) == (999, 1000 - WINDOW, "999") and table.row_count == WINDOW
        assert top_visible(table) == 1000 - table.visible_rows  # the last item is in view
        await pilot.press("home")
        await pilot.pause()
        assert shown(table) == (0, 0, "0") and top_visible(table) == 0


async def test_the_cursor_carries_the_window_across_its_edges():
    app = TableApp(ITEMS)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        table.go_to(WINDOW - 1)
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert shown(table) == (WINDOW, WINDOW // 2, str(WINDOW))
        assert top_visible(table) == WINDOW - table.visible_rows + 1  # the cursor on the last line
        table.go_to(WINDOW // 2)
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert shown(table) == (WINDOW // 2 - 1, 0, str(WINDOW // 2 - 1))
        assert top_visible(table) == WINDOW // 2 - 1  # the cursor on the first line


async def test_page_down_and_up_past_the_window():
    app = TableApp(ITEMS)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        page = table.visible_rows
        table.go_to(WINDOW - 2)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.position == WINDOW - 2 + page
        assert table.get_row_at(table.cursor_row)[0].plain == str(WINDOW - 2 + page)
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert table.position == WINDOW - 2 - page


async def test_the_wheel_at_the_window_edge_brings_the_next_rows():
    app = TableApp(ITEMS)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        await pilot.pause()  # the rows get their height when the table is first idle
        table.scroll_to(y=table.max_scroll_y, animate=False)
        await pilot.pause()
        top = top_visible(table)
        assert top == WINDOW - table.visible_rows
        notch = round(app.scroll_sensitivity_y)
        await wheel(pilot, table, events.MouseScrollDown)
        await pilot.pause()
        assert top_visible(table) == top + notch and table.window_start > 0
        assert table.position == top + notch  # the cursor follows into view
        table.scroll_to(y=0, animate=False)
        await pilot.pause()
        first = table.window_start
        await wheel(pilot, table, events.MouseScrollUp)
        await pilot.pause()
        assert top_visible(table) == first - notch and table.window_start < first


async def test_enter_names_the_item_by_its_index_in_the_whole_list():
    app = TableApp(ITEMS)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("end", "up", "enter")
        await pilot.pause()
        assert app.selected == ["998"]


async def test_a_short_list_and_an_empty_one():
    app = TableApp([7, 8, 9])
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(PagedTable)
        await pilot.press("end", "down", "pagedown")
        await pilot.pause()
        assert shown(table) == (2, 0, "9") and table.row_count == 3
        table.show([("Number", 8, True)], [], lambda n: [Text(str(n))])
        await pilot.press("end", "home", "enter")
        await pilot.pause()
        assert (table.row_count, table.current, app.selected) == (0, None, [])
