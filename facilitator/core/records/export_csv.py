"""CSV exports (RFC 4180, UTF-8, CRLF line ends) and reading the per-occurrence CSV back.

Chips and agenda sections are written as `30d:2;1y:1`; a ':' ';' or '%' inside a milestone
name is percent-encoded so that every value survives export -> import -> export unchanged.
The collection is written as `12.50` with its currency in the next column. A text cell that a
spreadsheet would take for a formula ('=…', '+…', '-…', '@…') starts with a "'" (csv_cell,
applied by the text and counts kinds in core/record_fields); reading the file back takes
exactly that quote off again (csv_text).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import repeat

from facilitator.core.dates import DateOrder
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.i18n import number as number_text
from facilitator.core.records.record import COLUMNS, DEFAULTS, FIELDS, REQUIRED, Record
from facilitator.core.records.record_fields import (CellContext, Kind, cents_text, decode_counts,
                                            encode_counts)
from facilitator.core.records.records import Records
from facilitator.core.records.statistics import COUNTS, Totals

__all__ = ["OCCURRENCE_COLUMNS", "GROUPED_COLUMNS", "cents_text", "decode_counts",
           "encode_counts", "grouped_csv", "occurrence_csv", "parse_occurrence_csv",
           "parse_occurrence_rows"]

OCCURRENCE_COLUMNS = COLUMNS
GROUPED_COLUMNS = (
    "period", "meetings", "attendance", "average_attendance", "newcomers", "visitors", "online",
    "shares", "share_seconds", "passes", "over_time", "chips", "collection", "currency",
)


def _writer() -> tuple[io.StringIO, "csv._writer"]:
    buffer = io.StringIO()
    return buffer, csv.writer(buffer, lineterminator="\r\n")


def occurrence_csv(records: Records, *, oldest_first: bool = False) -> str:
    """One line per meeting occurrence under a header row, in the order given or
    `oldest_first` (whole rows put in order: one pick per row, not one per cell)."""
    cells = [_cells(FIELDS[name], records.column(name)) for name in OCCURRENCE_COLUMNS]
    lines = list(map(",".join, zip(*cells)))
    if oldest_first:
        order = records.oldest_first_positions()
        if order != range(len(records)):
            lines = list(map(lines.__getitem__, order))
    return "\r\n".join([_csv_line(OCCURRENCE_COLUMNS), *lines, ""])


def _cells(kind: Kind, values: Sequence) -> Iterable[str]:
    """Each value's CSV cell as the csv module writes it in a row of several cells (quoted
    when it holds a comma, a quote or a line end), worked out by the csv module itself once
    per distinct value: the rows are then only joined with commas."""
    try:
        distinct = set(values)
    except TypeError:  # chips and sections: their kind turns them into text, per distinct set
        values = kind.text_column(values)
        distinct, text = set(values), None
    else:
        text = kind.text
    buffer, writer = _writer()

    def written(value: object) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow((value if text is None else text(value), ""))
        return buffer.getvalue()[:-3]  # less the empty cell after it and the line end

    cell = {value: written(value) for value in distinct}
    if len(cell) == 1:  # the same in every row (a currency, a time, an empty note)
        return repeat(cell.popitem()[1], len(values))
    return map(cell.__getitem__, values)


def _csv_line(cells: Sequence) -> str:
    buffer, writer = _writer()
    writer.writerow(cells)
    return buffer.getvalue()[:-2]


def grouped_csv(groups: Sequence[Totals], currency: str = "USD") -> str:
    """One line per week, month or year: `meetings` is how many were held."""
    buffer, writer = _writer()
    writer.writerow(GROUPED_COLUMNS)
    for totals in groups:
        average = totals.average_attendance
        collected = dict(totals.collection) or {currency: 0}
        writer.writerow((
            totals.label, totals.meetings, totals.attendance,
            "" if average is None else f"{average:.1f}",
            *(getattr(totals, name) for name in COUNTS[1:]),
            FIELDS["chips"].text(totals.chips),  # neutralised like the records' chips
            ";".join(cents_text(cents) for cents in collected.values()),
            ";".join(collected),
        ))
    return buffer.getvalue()


def parse_occurrence_csv(text: str, *, today: date, order: DateOrder | str | None = None,
                         currency: str = "USD") -> list[Record]:
    """Records from a per-occurrence CSV (see `parse_occurrence_rows`)."""
    return [record for _, record in parse_occurrence_rows(text, today=today, order=order,
                                                          currency=currency)]


def parse_occurrence_rows(text: str, *, today: date, order: DateOrder | str | None = None,
                          currency: str = "USD") -> list[tuple[int, Record]]:
    """(row number, Record) from a per-occurrence CSV, every row checked before any is returned.

    Rows are numbered as a spreadsheet shows them (the header is row 1). On the first
    mistake found, raise ValidationError("row N, column", reason), saying how many other
    rows are bad too.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ValidationError(N_("file"),
                              _("is empty; the first row must name the columns")) from None
    except csv.Error as error:
        raise ValidationError(_row(1),
                              _("is not valid CSV ({error})").format(error=error)) from None
    _check_header(header)
    records: list[tuple[int, Record]] = []
    problems: list[ValidationError] = []
    seen: dict[tuple[str, str], int] = {}
    number = 1
    try:
        for number, cells in enumerate(reader, 2):
            if not any(cell.strip() for cell in cells):
                continue  # spreadsheets leave blank lines at the end
            try:
                record = _record(number, header, cells, today, order, currency)
            except ValidationError as error:
                problems.append(error)
                continue
            if record.key in seen:
                problems.append(ValidationError(
                    _row(number, "date"), _("{meeting} on {date} is also on row {row}").format(
                        meeting=repr(record.meeting), date=record.date.isoformat(),
                        row=seen[record.key])))
                continue
            seen[record.key] = number
            records.append((number, record))
    except csv.Error as error:
        problems.append(ValidationError(_row(number + 1),
                                        _("is not valid CSV ({error})").format(error=error)))
    if problems:
        first = problems[0]
        more = len(problems) - 1
        if more:
            raise ValidationError(first.field, ngettext(
                "{reason} ({n} more row with problems)", "{reason} ({n} more rows with problems)",
                more).format(reason=first.reason, n=number_text(more)))
        raise ValidationError(first.field, first.reason)
    if not records:
        raise ValidationError(N_("file"), _("has no records below the header row"))
    return records


def _check_header(header: list[str]) -> None:
    for name in header:
        if name not in OCCURRENCE_COLUMNS:
            raise ValidationError(_row(1), _("unknown column {name}; the columns are "
                                             "{columns}").format(
                name=repr(name[:30]), columns=", ".join(OCCURRENCE_COLUMNS)))
        if header.count(name) > 1:
            raise ValidationError(_row(1), _("the column {name} appears twice").format(
                name=repr(name)))
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        names = ", ".join(missing)
        if len(missing) > 1:
            raise ValidationError(_row(1), _("the columns {names} must be there").format(
                names=names))
        raise ValidationError(_row(1), _("the column {names} must be there").format(names=names))


def _record(number: int, header: list[str], cells: list[str], today: date,
            order: DateOrder | str | None, currency: str) -> Record:
    if len(cells) != len(header):
        raise ValidationError(_row(number), _("has {n} cells; the header has {header}").format(
            n=len(cells), header=len(header)))
    cell = dict(zip(header, (value.strip() for value in cells)))
    context = CellContext(today, order, currency)
    try:
        values = {}
        for name, kind in FIELDS.items():
            text = cell.get(name, "")
            if text or name not in DEFAULTS or kind.blank_is_value:  # else the default
                values[name] = kind.parse(name, text, context)
        return Record(**values)
    except ValidationError as error:
        raise ValidationError(_row(number, error.field), error.reason) from None


def _row(number: int, column: str = "") -> str:
    """'row 7' or 'row 7, date': where in the file a mistake is (columns keep their names)."""
    if column:
        return _("row {number}, {column}").format(number=number, column=column)
    return _("row {number}").format(number=number)
