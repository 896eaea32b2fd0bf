"""Digits as large as the widget allows: the block font at the largest whole scale that fits."""

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.tui import block_font
from facilitator.tui.plain_text import plain_text


class BigText(Widget):
    """Draws `text` centred; rescaled on every resize, plain text when even scale 1 won't fit.

    `reserve` is the widest text it will show (e.g. "+00:00"), so the scale does not jump
    when a countdown goes from 10:00 to 9:59 or over time.
    """

    DEFAULT_CSS = """
    BigText { width: 1fr; height: 1fr; min-height: 1; text-wrap: nowrap; text-overflow: clip; }
    """

    text: reactive[str] = reactive("", layout=False)

    def __init__(self, text: str = "", reserve: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.reserve = reserve
        self.set_reactive(BigText.text, text)

    @property
    def scale(self) -> tuple[int, int]:
        """The (across, down) scale the text is drawn at now; (0, 0): as plain text."""
        if not block_font.can_draw(self.text):
            return 0, 0
        width, height = self.content_size
        return block_font.fit_scale(self.text, width, height, self.reserve)

    def render(self) -> Content:
        width, height = self.content_size
        across, down = self.scale
        lines = block_font.render(self.text, across, down) if across else [self.text]
        top = max(0, (height - len(lines)) // 2)
        left = max(0, (width - max(len(line) for line in lines)) // 2)
        return plain_text("\n" * top + "\n".join(" " * left + line for line in lines))
