"""A DataTable over a long list that holds only a window of it as rows."""

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

from facilitator.core.i18n import N_, translated
from facilitator.tui.crash_guard import GuardedHandlers

Column = tuple[str, int, bool]  # label (marked NC_("column", …)), width, aligned right


class PagedTable(GuardedHandlers, DataTable):
    """Rows for a window of `items`; the window moves when the cursor or the wheel leaves it.

    A DataTable measures every cell it is given, about half a millisecond a row: 100,000
    rows would take a minute to add, a window of a few hundred takes a blink. Each row's
    key is the item's index in the whole list.
    """

    WINDOW = 100

    BINDINGS = [
        Binding("home", "scroll_top", N_("First"), show=False),
        Binding("end", "scroll_bottom", N_("Last"), show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.items: Sequence[Any] = ()
        self.window_start = 0
        self._cells: Callable[[Any], Sequence[Text]] = lambda item: ()

    # -- what is shown ---------------------------------------------------------------------

    def show(self, columns: Sequence[Column], items: Sequence[Any],
             cells: Callable[[Any], Sequence[Text]], *, at: int = 0) -> None:
        """Show `items` (the cursor on item `at`) under new columns."""
        self.clear(columns=True)
        for label, width, right in columns:
            # A longer translation widens its column rather than being cut.
            label = translated(label)
            self.add_column(Text(label, justify="right" if right else "left"),
                            width=max(width, len(label)))
        self.items, self._cells = items, cells
        at = max(0, min(at, len(items) - 1))
        self._fill(at - self.WINDOW // 2, at, at)

    @property
    def position(self) -> int:
        """The index in `items` of the row under the cursor."""
        return self.window_start + self.cursor_row

    @property
    def current(self) -> Any | None:
        return self.items[self.position] if self.items else None

    @property
    def visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - self.header_height)

    def go_to(self, index: int, *, top: int | None = None) -> None:
        """Put the cursor on item `index`, moving the window when it lies outside."""
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        if self.window_start <= index < self.window_start + self.row_count:
            self.move_cursor(row=index - self.window_start)
            return
        if top is None:
            top = index - self.visible_rows + 1 if index > self.position else index
        self._fill(index - self.WINDOW // 2, index, top)

    def _fill(self, start: int, cursor: int, top: int) -> None:
        """Rows for the window from `start`, the cursor on `cursor`, `top` the first in view."""
        start = max(0, min(start, len(self.items) - self.WINDOW))
        self.clear()
        self.window_start = start
        cells = self._cells
        for index, item in enumerate(self.items[start:start + self.WINDOW], start):
            self.add_row(*cells(item), key=str(index))
        if self.row_count:
            self.move_cursor(row=cursor - start, scroll=False)
            # The rows get their height when the table is next idle: scroll after that.
            self.call_after_refresh(self.scroll_to, y=max(0, top - start), animate=False,
                                    force=True)

    # -- moving past the window's edges ----------------------------------------------------

    def action_cursor_down(self) -> None:
        if self.cursor_row == self.row_count - 1 and self.position + 1 < len(self.items):
            self.go_to(self.position + 1)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row == 0 and self.window_start > 0:
            self.go_to(self.position - 1)
        else:
            super().action_cursor_up()

    def action_page_down(self) -> None:
        target = self.position + self.visible_rows
        if target >= self.window_start + self.row_count and self.position + 1 < len(self.items):
            self.go_to(target, top=target)
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        target = self.position - self.visible_rows
        if target < self.window_start and self.window_start > 0:
            self.go_to(target, top=max(0, target))
        else:
            super().action_page_up()

    def action_scroll_top(self) -> None:
        self.go_to(0, top=0)

    def action_scroll_bottom(self) -> None:
        self.go_to(len(self.items) - 1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel at the window's last row brings the next rows in."""
        end = self.window_start + self.row_count
        if self.scroll_y >= self.max_scroll_y and end < len(self.items):
            top = self.window_start + round(self.scroll_y) + self._notch
            self._fill(top - self.WINDOW // 2, top, top)
            self._spent(event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel at the window's first row brings the rows before it in."""
        if self.scroll_y <= 0 and self.window_start > 0:
            top = max(0, self.window_start - self._notch)
            self._fill(top - self.WINDOW // 2, top, top)
            self._spent(event)

    @staticmethod
    def _spent(event: events.MouseEvent) -> None:
        """The notch moved the window: nothing else (the table, a parent) scrolls for it."""
        event.prevent_default()
        event.stop()

    @property
    def _notch(self) -> int:
        """Lines one turn of the wheel scrolls, as inside the window."""
        return max(1, round(self.app.scroll_sensitivity_y))
