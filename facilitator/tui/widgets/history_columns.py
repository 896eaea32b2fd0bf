"""The history table's columns and the cells of one occurrence or one period."""

from collections.abc import Sequence

from rich.text import Text

from facilitator.core.i18n import NC_
from facilitator.core.money import format_cents
from facilitator.core.records.record import Record
from facilitator.core.records.report_tables import money, number
from facilitator.core.records.statistics import Totals
from facilitator.tui.plain_text import printable
from facilitator.core.calendar_words import weekday_abbr
from facilitator.tui.widgets.paged_table import Column

MEETING_WIDTH = (12, 26)  # the meeting column fits the longest name within these bounds


def occurrence_columns(meeting_names: Sequence[str]) -> list[Column]:
    longest = max(map(len, meeting_names), default=0)
    width = max(MEETING_WIDTH[0], min(longest, MEETING_WIDTH[1]))
    # Translators: the history table's column headings: keep each as short as the English.
    return [(NC_("column", "Date"), 14, False), (NC_("column", "Meeting"), width, False), (NC_("column", "Attendance"), 10, True),
            (NC_("column", "Newcomers"), 9, True), (NC_("column", "Visitors"), 8, True), (NC_("column", "Online"), 6, True),
            (NC_("column", "Shares"), 6, True), (NC_("column", "Chips"), 5, True), (NC_("column", "Collection"), 14, True)]


PERIOD_COLUMNS: list[Column] = [
    (NC_("column", "Period"), 8, False), (NC_("column", "Meetings"), 8, True), (NC_("column", "Attendance"), 10, True),
    (NC_("column", "Average"), 7, True), (NC_("column", "Newcomers"), 9, True), (NC_("column", "Visitors"), 8, True),
    (NC_("column", "Online"), 6, True), (NC_("column", "Shares"), 6, True), (NC_("column", "Chips"), 5, True),
    (NC_("column", "Collection"), 16, True),
]


def _right(value: object) -> Text:
    return Text(str(value), justify="right", no_wrap=True)


def occurrence_cells(record: Record, show_currency: bool) -> list[Text]:
    """Date (with its weekday), meeting, the counts and the collection of one record."""
    currency = record.currency if show_currency else ""
    return [
        Text(f"{weekday_abbr(record.date)} {record.date.isoformat()}", no_wrap=True),
        Text(printable(record.meeting), no_wrap=True, overflow="ellipsis"),
        _right(record.attendance), _right(record.newcomers), _right(record.visitors),
        _right(record.online), _right(record.shares), _right(record.chips_total),
        _right(format_cents(record.collection, currency)),
    ]


def period_cells(totals: Totals) -> list[Text]:
    """A period's label, how many meetings, totals and the average attendance."""
    return [
        Text(totals.label, no_wrap=True), _right(totals.meetings), _right(totals.attendance),
        _right(number(totals.average_attendance)), _right(totals.newcomers),
        _right(totals.visitors), _right(totals.online), _right(totals.shares),
        _right(totals.chips_total), _right(money(totals.collection)),
    ]
