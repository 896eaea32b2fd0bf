"""Every theme stays readable on the terminals volunteers have: 256 colours (macOS Terminal),
16 colours (the Windows console) and NO_COLOR; the high-contrast theme passes WCAG AA.

The screens are drawn once per theme in truecolor; what a terminal with fewer colours shows is
Rich's downgrade of those colours (what Textual writes to it), and NO_COLOR is Textual's own
filter. Only characters of text are checked (letters and digits), not borders or bars.
"""

from datetime import time

import pytest
import textual.constants
from hypothesis import given
from hypothesis import strategies as st
from rich.color import Color as RichColor
from rich.color import ColorSystem, ColorType
from rich.control import Control
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import MONOKAI
from textual.color import Color
from textual.filter import ANSIToTruecolor, DimFilter, Monochrome, monochrome_style

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.tui.terminal_colours import (LEAST_GREY_CONTRAST, ReadableColours, has_words,
                                              readable_style)
from facilitator.tui.themes import HIGH_CONTRAST

MEETINGS = [Meeting(name="Tuesday Night", days=(1,), start=time(19, 0), duration_minutes=90,
                    share_minutes=4)]
AA = 4.5  # WCAG AA, normal text


def luminance(red: int, green: int, blue: int) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(*first), luminance(*second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_says():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((18, 52, 86), (18, 52, 86)) == 1


def as_shown(color: RichColor) -> str:
    """A palette colour by its number, any other by its hex."""
    return f"{color.number}" if color.triplet is None else color.triplet.hex


@pytest.mark.parametrize("style,system,least,shown", [
    # muted grey on a dark panel: both grey (8) with 16 colours -> black text, 5.3:1
    ("#7b7d85 on #2b2e3b", ColorSystem.STANDARD, 0, ("0", "8")),
    # apart with 256 colours: only moved to the palette
    ("#ffffff on #121212", ColorSystem.EIGHT_BIT, 0, ("231", "233")),
    # dim black on yellow, 4.0:1, in the high-contrast theme -> black, 19.6:1
    ("#7f7f00 on #ffff00", None, 4.5, ("#000000", "#ffff00")),
    # two close greys under NO_COLOR -> the text white
    ("#3c3c3c on #282828", None, 2.0, ("#ffffff", "#282828")),
    # reversed: the background colour is the text's; the text side is what changes
    ("reverse #2b2e3b on #7b7d85", ColorSystem.STANDARD, 0, ("8", "0")),
    # far enough apart: untouched
    ("#ffffff on #000000", None, 4.5, ("#ffffff", "#000000")),
])
def test_text_that_would_merge_gets_the_colour_that_stands_out(style, system, least, shown):
    result = readable_style(Style.parse(style), system, least)
    assert (as_shown(result.color), as_shown(result.bgcolor)) == shown


def text_segments(app, screen=None) -> list[Segment]:
    """The current screen as drawn, only the pieces that hold letters or digits; or `screen`,
    lower in the stack, drawn as it is when shown (it is restyled with the app's theme)."""
    screen = screen or app.screen
    below = app._background_screens if screen is app.screen else []
    update = screen._compositor.render_update(full=True, screen_stack=below)
    return [segment for line in update.strips for strip in line for segment in strip
            if segment.style and any(char.isalnum() for char in segment.text)]


def colours(segment: Segment) -> tuple[RichColor, RichColor] | None:
    """(text, background) as the terminal paints them; None for the terminal's own colours."""
    style = segment.style
    text, background = (style.bgcolor, style.color) if style.reverse else (style.color,
                                                                           style.bgcolor)
    if text is None or background is None or text.is_default or background.is_default:
        return None
    return text, background


def merged(segment: Segment, system: ColorSystem | None, least: float) -> str | None:
    """Says so when the text would merge into its background on that terminal (`system`
    colours, or as they are), or stand less than `least` apart."""
    pair = colours(Segment(segment.text, readable_style(segment.style, system, least)))
    if pair is None:
        return None
    text, background = pair
    same = system is not None and (text.downgrade(system).number
                                   == background.downgrade(system).number)
    if not same and contrast(text.get_truecolor(), background.get_truecolor()) >= least:
        return None
    return f"{segment.text.strip()!r} {text.name} on {background.name}"


TERMINALS = {"256 colours": (ColorSystem.EIGHT_BIT, False),
             "16 colours": (ColorSystem.STANDARD, False),
             "NO_COLOR": (None, True),
             "NO_COLOR with 16 colours": (ColorSystem.STANDARD, True)}


def unreadable(segments: list[Segment], ansi_theme: bool) -> dict[str, list[str]]:
    """Text whose colour and background become one on each kind of terminal, as the app
    draws it there (Textual's NO_COLOR greys, then the app's filter)."""
    found: dict[str, list[str]] = {kind: [] for kind in TERMINALS}
    for segment in segments:
        for kind, (system, no_color) in TERMINALS.items():
            if no_color and ansi_theme:  # an ANSI theme under NO_COLOR loses its colours
                continue
            style = monochrome_style(segment.style) if no_color else segment.style
            least = LEAST_GREY_CONTRAST if no_color else 0
            if problem := merged(Segment(segment.text, style), system, least):
                found[kind].append(problem)
    return {kind: texts for kind, texts in found.items() if texts}


def parse(value: str, background: Color) -> Color:
    """A theme variable's colour; `auto N%` is Textual's text that contrasts with the background."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return background.get_contrast_text(alpha)
    return Color.parse(value)


async def test_every_theme_is_readable_with_fewer_colours_and_without(make_app):
    """The start screen and a meeting with sign-ins, a queue and a share, in every theme.

    One change of theme draws both: the start screen, under the meeting, is restyled with it
    and drawn as it is when shown (the same pieces as drawing it on top)."""
    app = make_app(meetings=MEETINGS)
    drawn: dict[str, list[Segment]] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        start, first_theme, on_top = app.screen, app.theme, text_segments(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ann", "f2", "f3", "ctrl+r", "ctrl+n")
        assert app.screen is not start and start in app.screen_stack
        assert first_theme in app.available_themes
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            drawn[theme] = text_segments(app, start) + text_segments(app)
            if theme == first_theme:  # drawn under the meeting as it was drawn on top
                assert drawn[theme][:len(on_top)] == on_top
        ansi = {name for name in drawn if app.get_theme(name).ansi}
    assert len(drawn) >= 20 and {"high-contrast", "projector-light"} <= set(drawn)
    assert all(len(segments) > 40 for segments in drawn.values())  # the screens' text
    problems = {theme: found for theme, segments in drawn.items()
                if (found := unreadable(segments, theme in ansi))}
    assert problems == {}


def test_the_high_contrast_theme_passes_wcag_aa_for_every_text_colour():
    """Each colour text is drawn in, against each background it is drawn on."""
    variables = HIGH_CONTRAST.to_color_system().generate()
    backgrounds = {name: Color.parse(variables[name]) for name in
                   ("background", "surface", "panel", "boost")}
    texts = ["foreground", "text", "text-muted", "text-disabled", "primary", "secondary",
             "accent", "warning", "error", "success", "text-primary", "text-secondary",
             "text-accent", "text-warning", "text-error", "text-success",
             "foreground-muted", "footer-key-foreground",
             "footer-description-foreground", "block-cursor-foreground"]
    failing = []
    for background_name, background in backgrounds.items():
        solid = Color.parse(variables["background"]) + background  # boost is translucent
        for name in texts:
            if name not in variables:
                continue
            text = solid + parse(variables[name], solid)
            ratio = contrast(text.rgb, solid.rgb)
            if ratio < AA:
                failing.append(f"{name} on {background_name}: {ratio:.2f}")
    assert failing == []


async def test_the_high_contrast_theme_draws_every_text_at_aa(make_app):
    """What is on the screen, not only the theme's colours: a meeting at AA throughout."""
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "high-contrast"
        await pilot.pause()
        segments = text_segments(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ann", "f2", "f3", "ctrl+r", "ctrl+n")
        await pilot.pause()
        segments += text_segments(app)
    failing = {f"{segment.text.strip()!r}: {ratio:.2f} {segment.style}" for segment in segments
               if (pair := colours(segment))
               and (ratio := contrast(*(c.get_truecolor() for c in pair))) < AA}
    assert failing == set()


async def draw_meeting(app, pilot) -> list[Segment]:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*"Ann", "f2", "f3", "ctrl+r", "ctrl+n")
    await pilot.pause()
    return text_segments(app)


async def test_a_16_colour_terminal_gets_its_own_colours_none_merged(make_app, monkeypatch):
    """The app's own filter at work: solarized-dark's muted texts merged into its panels."""
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = make_app(meetings=MEETINGS, settings=GroupSettings(theme="solarized-dark"))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.console.color_system == "standard"
        segments = await draw_meeting(app, pilot)
    pairs = [pair for segment in segments if (pair := colours(segment))]
    assert pairs and all(color.type in (ColorType.STANDARD, ColorType.EIGHT_BIT)
                         for pair in pairs for color in pair)
    assert [pair for pair in pairs if pair[0].number == pair[1].number] == []


@pytest.mark.parametrize("theme", ["ansi-dark", "atom-one-light"])
async def test_no_color_shows_no_colour_and_no_text_in_its_own_grey(make_app, monkeypatch,
                                                                     theme):
    """NO_COLOR: an ANSI theme loses its colours (Textual would paint them black on black);
    another is greys apart enough to read."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(meetings=MEETINGS, settings=GroupSettings(theme=theme))
    async with app.run_test(size=(100, 30)) as pilot:
        segments = await draw_meeting(app, pilot)
    pairs = [pair for segment in segments if (pair := colours(segment))]
    if theme == "ansi-dark":
        assert pairs == []  # the terminal's own text colour on its own background
    else:
        assert pairs and all(color.get_truecolor() == (color.get_truecolor()[0],) * 3
                             for pair in pairs for color in pair)  # greys only
        low = [pair for pair in pairs
               if contrast(pair[0].get_truecolor(), pair[1].get_truecolor()) < 2]
        assert low == []


@given(st.text())
def test_text_to_read_is_any_letter_or_digit_in_any_script(text):
    assert has_words(text) == any(char.isalnum() for char in text)


@pytest.mark.parametrize("text, words", [
    ("▔▔▔", False), ("  ", False), ("_", False), ("─┼─", False), ("Ann", True), ("٣", True),
    ("דניאל", True), ("²", True), ("🦊", False), ("", False),
])
def test_borders_are_not_text_to_read(text, words):
    assert has_words(text) is words


@pytest.mark.parametrize("system, least", [(ColorSystem.STANDARD, 0), (ColorSystem.EIGHT_BIT, 0),
                                           (None, LEAST_GREY_CONTRAST)])
def test_the_filter_gives_each_line_its_colours_however_often_it_comes(system, least):
    """Text by the readability rule, borders only moved to the terminal's colours, a segment
    without a style kept; a line drawn again (or an equal one) comes out the same."""
    merging = Style.parse("#131313 on #121212")  # one colour on any of these terminals
    line = [Segment(" Ann  ", merging), Segment("────", merging), Segment("   ", None),
            Segment(" 3 ", Style()), Segment("  ", merging)]
    on_terminal = (merging if system is None
                   else merging + Style.from_color(merging.color.downgrade(system),
                                                   merging.bgcolor.downgrade(system)))
    expected = [Segment(" Ann  ", readable_style(merging, system, least)),
                Segment("────", on_terminal), Segment("   ", None),
                Segment(" 3 ", readable_style(Style(), system, least)),
                Segment("  ", on_terminal)]
    assert expected[0].style != on_terminal  # the text stands out, the border does not
    readable = ReadableColours(system, least)
    background = Color(18, 18, 18)
    first = readable.apply(line, background)
    assert first == expected
    assert readable.apply([Segment(*segment) for segment in line], background) == expected
    assert readable.apply(line, background) == first and readable.apply(line, background) is not first


@pytest.mark.parametrize("first", [(ANSIToTruecolor(MONOKAI),), (Monochrome(),),
                                   (ANSIToTruecolor(MONOKAI), DimFilter())])
def test_textuals_filters_in_the_same_pass_give_what_they_give_one_after_the_other(first):
    line = [Segment(" Ann ", Style(color="red", bgcolor="black")),
            Segment("──", Style.parse("#131313 on #121212")), Segment(" 3 ", Style(bold=True)),
            Segment("  ", Style())]
    background = Color(18, 18, 18)
    one_after_the_other = line
    for each in first:
        one_after_the_other = each.apply(one_after_the_other, background)
    expected = ReadableColours(ColorSystem.STANDARD, 0).apply(one_after_the_other, background)
    shown = ReadableColours(ColorSystem.STANDARD, 0, first).apply(line, background)
    assert shown == expected and shown != line


async def test_the_app_filters_each_line_once_with_fewer_colours(make_app, monkeypatch):
    """Textual makes a new line per filter: its own ANSI colours go in the app's one pass, and
    the filter is the same each frame (each line's filtered copy is kept by it)."""
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = make_app(meetings=MEETINGS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        filters = app.get_line_filters()
        assert [type(each) for each in filters] == [ReadableColours]
        assert [type(each) for each in filters[0].first] == [ANSIToTruecolor]
        assert app.get_line_filters()[0] is filters[0]


def test_a_line_with_control_codes_is_restyled_too():
    """Rich gives a Control's codes as a list (no key for a cache): the line still passes."""
    merging = Style.parse("#131313 on #121212")
    home = Control.home().segment
    line = [home, Segment(" Ann ", merging)]
    shown = ReadableColours(ColorSystem.STANDARD, 0).apply(line, Color(18, 18, 18))
    assert shown == [home, Segment(" Ann ", readable_style(merging, ColorSystem.STANDARD))]
