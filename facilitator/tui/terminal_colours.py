"""Text stays readable however many colours the terminal has: 256 (macOS Terminal), 16 (the
Windows console) or none (NO_COLOR).

A theme's colours are 24-bit; a terminal with fewer shows each as the nearest it has, and
two close colours (a muted text on a dark panel) can become one: black on black. Under
NO_COLOR, Textual turns colours into greys, where the same can happen. The filter here gives
such text the colour that stands out from its background instead, and hands the terminal
the colours it will really show (so a screenshot shows them too).
"""

import re
from functools import lru_cache, partial

from rich.color import Color as RichColor
from rich.color import ColorSystem, ColorType
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter, Monochrome, NoColor

# What Rich's Console calls the colour systems with fewer than 24-bit colours.
FEWER_COLOURS = {"256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD,
                 "windows": ColorSystem.STANDARD}
LEAST_GREY_CONTRAST = 2.0  # WCAG ratio between two greys under NO_COLOR
WCAG_AA = 4.5
HIGH_CONTRAST_THEMES = {"high-contrast"}


def contrast(first: RichColor, second: RichColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    def relative(color: RichColor) -> float:
        def linear(channel: int) -> float:
            value = channel / 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        red, green, blue = color.get_truecolor()
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    lighter, darker = sorted((relative(first), relative(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _standing_out(background: RichColor, system: ColorSystem | None) -> RichColor:
    """Black or white, whichever stands out more from `background`, as the terminal has it."""
    if system is None:
        white, black = RichColor.from_rgb(255, 255, 255), RichColor.from_rgb(0, 0, 0)
    else:
        white, black = RichColor.from_ansi(15), RichColor.from_ansi(0)
    return white if contrast(white, background) >= contrast(black, background) else black


def _shown(color: RichColor | None, system: ColorSystem | None) -> RichColor | None:
    if color is None or system is None or color.type in (ColorType.DEFAULT, ColorType.STANDARD):
        return color
    return color.downgrade(system)


def readable_style(style: Style, system: ColorSystem | None, least: float = 0) -> Style:
    """`style` in the colours the terminal shows (`system`; None: as they are, or the greys
    of NO_COLOR), its text given the colour that stands out most from its background when it
    would merge into it, or stand less than `least` (a WCAG ratio) apart."""
    text, background = _shown(style.color, system), _shown(style.bgcolor, system)
    if style.reverse:
        text, background = background, text
    if text is not None and background is not None and not (text.is_default
                                                            or background.is_default):
        same = system is not None and text.number == background.number
        if same or (least and contrast(text, background) < least):
            text = _standing_out(background, system)
    if style.reverse:
        text, background = background, text
    return style + Style.from_color(text, background)


# A letter or a digit in any script: exactly what str.isalnum() takes (\w is those and "_"),
# found in C where a generator over the characters cost a Python step each, every frame.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether a segment holds text to read (a letter or a digit), not only a border."""
    # Most segments are runs of spaces (a line's padding): strip() drops them in one C call,
    # where the expression would test each space's Unicode category.
    stripped = text.strip()
    return bool(stripped) and _LETTER_OR_DIGIT.search(stripped) is not None


class ReadableColours(LineFilter):
    """Text in the colours the terminal has, never merged into its background; after the
    filters in `first` (Textual's own), in the same pass."""

    def __init__(self, system: ColorSystem | None, least: float,
                 first: tuple[LineFilter, ...] = ()) -> None:
        super().__init__()
        self.system = system
        self.least = least
        # Textual makes a new line (a Strip and its caches) for each filter a line passes
        # through: one filter doing the work of all of them makes one.
        self.first = first
        # Every segment's style is looked up on every frame: keyed by the style alone (the
        # colour system and the contrast are this filter's), a lookup hashes only the style.
        self._text_style = lru_cache(4096)(partial(readable_style, system=system, least=least))
        self._border_style = lru_cache(4096)(partial(_in_palette, system=system))
        # A screen repeats few lines (a list's blank rows, a panel's padding): each distinct
        # line is restyled once.
        self._line = lru_cache(1024)(self._restyled)

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        for earlier in self.first:
            segments = earlier.apply(segments, background)
        line = tuple(segments)
        try:
            return list(self._line(line))
        except TypeError:  # Rich's control codes come in a list: such a line is not a key
            return list(self._restyled(line))

    def _restyled(self, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
        text_style, border_style = self._text_style, self._border_style
        shown = []
        for segment in segments:
            text, style, control = segment
            if style is not None:  # a segment without a style is kept as it is
                style = text_style(style) if has_words(text) else border_style(style)
                segment = Segment(text, style, control)
            shown.append(segment)
        return tuple(shown)


def _in_palette(style: Style, system: ColorSystem | None) -> Style:
    """Borders and bars: only moved to the terminal's colours, as it would show them."""
    if system is None:
        return style
    return style + Style.from_color(_shown(style.color, system), _shown(style.bgcolor, system))


class TerminalColours:
    """App mixin: readable text with 256 or 16 colours and under NO_COLOR, and every text of
    a theme made for contrast (`HIGH_CONTRAST_THEMES`) at WCAG AA.

    Also keeps an ANSI theme under NO_COLOR colourless rather than black: Textual picks its
    NO_COLOR filter for the theme the app starts with, and turns ANSI colours into black.
    """

    _no_color_filter = NoColor()

    def get_line_filters(self):
        filters = list(super().get_line_filters())
        if self.no_color and self.native_ansi_color:
            return [self._no_color_filter if isinstance(each, Monochrome) else each
                    for each in filters]
        system = FEWER_COLOURS.get(self.console.color_system)  # greys too, under NO_COLOR
        least = LEAST_GREY_CONTRAST if self.no_color else 0
        if self.theme in HIGH_CONTRAST_THEMES:
            least = WCAG_AA
        if system is None and not least:
            return filters
        return [_readable_colours(system, least, tuple(filters))]


@lru_cache(16)
def _readable_colours(system: ColorSystem | None, least: float,
                      first: tuple[LineFilter, ...]) -> ReadableColours:
    # The same filter each frame: Textual keeps each line's filtered copy by the filter.
    return ReadableColours(system, least, first)
