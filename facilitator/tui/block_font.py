"""A 5x7 block font for the room display, drawn with half blocks at any whole scale.

A terminal cell is about twice as tall as it is wide, so each cell holds two font pixels
stacked (the upper and lower half block): a pixel scaled by `s` is `s` columns wide and `s`
half-rows tall, and stays square on screen.
"""

HEIGHT = 7
GAP = 1  # blank columns between two glyphs

_GLYPHS = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "+": ("...", "...", ".#.", "###", ".#.", "...", "..."),
    "-": ("...", "...", "...", "###", "...", "...", "..."),
    " ": ("...", "...", "...", "...", "...", "...", "..."),
}

# (upper pixel, lower pixel) -> the character that draws them
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def can_draw(text: str) -> bool:
    return bool(text) and all(char in _GLYPHS for char in text)


def pixel_width(text: str) -> int:
    """Width of `text` in font pixels, gaps included."""
    if not text:
        return 0
    return sum(len(_GLYPHS[char][0]) for char in text) + GAP * (len(text) - 1)


def fit_scale(text: str, width: int, height: int, reserve: str = "") -> tuple[int, int]:
    """The largest whole (across, down) scale at which `text` and `reserve` fit; (0, 0) if none.

    Pixels are square, except that an odd scale of 3 or more is drawn one half-row taller
    when there is room: then every pixel row fills whole cells and the strokes stay crisp.
    """
    wide = max(pixel_width(text), pixel_width(reserve) if can_draw(reserve) else 0)
    if wide == 0:
        return 0, 0
    tallest = (2 * height) // HEIGHT
    across = max(0, min(width // wide, tallest))
    down = across + 1 if across >= 3 and across % 2 and across + 1 <= tallest else across
    return across, down


def render(text: str, across: int, down: int | None = None) -> list[str]:
    """The lines that draw `text`, each pixel `across` columns by `down` half-rows."""
    down = across if down is None else down
    pixel_rows = []
    for row in range(HEIGHT):
        line = ("." * GAP).join(_GLYPHS[char][row] for char in text)
        scaled = [pixel == "#" for pixel in line for _ in range(across)]
        pixel_rows.extend([scaled] * down)
    if len(pixel_rows) % 2:
        pixel_rows.append([False] * len(pixel_rows[0]))
    return ["".join(_HALVES[pair] for pair in zip(upper, lower))
            for upper, lower in zip(pixel_rows[::2], pixel_rows[1::2])]
