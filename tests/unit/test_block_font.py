"""The room display's block font: every glyph well formed, the scale fits, the drawing is exact."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.tui import block_font
from facilitator.tui.block_font import HEIGHT, can_draw, fit_scale, pixel_width, render


def test_every_glyph_is_seven_rows_of_one_width():
    for char, rows in block_font._GLYPHS.items():
        assert len(rows) == HEIGHT, char
        assert len({len(row) for row in rows}) == 1, char
        assert set("".join(rows)) <= {"#", "."}, char
    assert {len(block_font._GLYPHS[d][0]) for d in "0123456789"} == {5}  # digits don't jiggle


def test_a_one_at_scale_one():
    assert render("1", 1) == [" ▄█  ", "  █  ", "  █  ", " ▀▀▀ "]


def test_a_pixel_at_scale_two_is_a_two_by_one_block_of_full_cells():
    lines = render("-", 2)
    assert lines == [" " * 6] * 3 + ["█" * 6] + [" " * 6] * 3


@pytest.mark.parametrize("text,width,height,reserve,scale", [
    ("5:00", 80, 20, "+00:00", (2, 2)),     # width decides: 29 pixels across
    ("5:00", 160, 40, "+00:00", (5, 6)),    # odd scale drawn one half-row taller when it fits
    ("5:00", 160, 17, "+00:00", (4, 4)),    # height decides: 34 half-rows
    ("5:00", 160, 21, "+00:00", (5, 6)),
    ("5:00", 145, 18, "+00:00", (5, 5)),    # no room for the taller pixel
    ("5:00", 40, 20, "", (2, 2)),           # without a reserve only the text counts
    ("5:00", 28, 20, "+00:00", (0, 0)),     # too narrow even at scale 1: plain text
    ("5:00", 80, 3, "+00:00", (0, 0)),      # too low
    ("", 80, 20, "", (0, 0)),
])
def test_fit_scale(text, width, height, reserve, scale):
    assert fit_scale(text, width, height, reserve) == scale


def test_only_known_characters_are_drawn():
    assert can_draw("+12:34") and can_draw("19:05")
    assert not can_draw("") and not can_draw("5 min") and not can_draw("Ann")


@given(st.text(alphabet="0123456789:+- ", min_size=1, max_size=7),
       st.integers(1, 300), st.integers(1, 120))
def test_what_is_drawn_fits_the_space(text, width, height):
    across, down = fit_scale(text, width, height)
    if not across:
        assert pixel_width(text) > width or 2 * height < HEIGHT
        return
    lines = render(text, across, down)
    assert len(lines) == math.ceil(HEIGHT * down / 2) <= height
    assert {len(line) for line in lines} == {pixel_width(text) * across} and len(lines[0]) <= width
    assert down in (across, across + 1)
