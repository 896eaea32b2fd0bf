"""CSV exports (RFC 4180, UTF-8, CRLF line ends) and reading the per-occurrence CSV back.

Chips and agenda sections are written as `30d:2;1y:1`; a ':' ';' or '%' inside a milestone
name is percent-encoded so that every value survives export -> import -> export unchanged.
The collection is written as `12.50` with its currency in the next column. A text cell that a
spreadsheet would take for a formula ('=…', '+…', '-…', '@…') starts with a "'" (csv_cell);
reading the file back takes exactly that quote off again (csv_text).
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from urllib.parse import unquote

from facilitator.core import validate
from facilitator.core.dates import DateOrder, parse_date
from facilitator.core.errors import ValidationError
from facilitator.core.meeting import parse_time
from facilitator.core.money import parse_amount
from facilitator.core.record import PER_KEY_LIMIT, Record, count_field
from facilitator.core.statistics import Totals
from facilitator.core.text_out import csv_cell, csv_text

OCCURRENCE_COLUMNS = (
    "date", "meeting", "attendance", "newcomers", "visitors", "online", "shares",
    "share_seconds", "passes", "over_time", "chips", "collection", "currency", "start", "end",
    "note", "sections",
)
GROUPED_COLUMNS = (
    "period", "meetings", "attendance", "average_attendance", "newcomers", "visitors", "online",
    "shares", "share_seconds", "passes", "over_time", "chips", "collection", "currency",
)
_COUNT_COLUMNS = ("attendance", "newcomers", "visitors", "online", "shares", "share_seconds",
                  "passes", "over_time")
_REQUIRED = ("date", "meeting", "attendance")


def cents_text(cents: int) -> str:
    """1250 -> '12.50': no thousands separator, so it reads back exactly."""
    whole, part = divmod(cents, 100)
    return f"{whole}.{part:02d}"


def encode_counts(counts: Mapping[str, int] | None) -> str:
    """{'30d': 2, '1y': 1} -> '30d:2;1y:1'."""
    if not counts:
        return ""
    return ";".join(f"{_escape(key)}:{number}" for key, number in counts.items())


def decode_counts(text: str, field: str) -> dict[str, int]:
    """'30d:2;1y:1' -> {'30d': 2, '1y': 1}; raise ValidationError naming `field`."""
    counts: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        key, colon, number = part.rpartition(":")
        key = unquote(key.strip())
        if not colon or not key:
            raise ValidationError(field, f"{part[:30]!r} is not name:count, e.g. 30d:2")
        if key in counts:
            raise ValidationError(field, f"{key!r} is given twice")
        counts[key] = validate.count(f"{field} {key}", number, maximum=PER_KEY_LIMIT)
    return counts


def _escape(key: str) -> str:
    return key.replace("%", "%25").replace(":", "%3A").replace(";", "%3B")


def _writer() -> tuple[io.StringIO, "csv._writer"]:
    buffer = io.StringIO()
    return buffer, csv.writer(buffer, lineterminator="\r\n")


def occurrence_csv(rows: Iterable[Mapping]) -> str:
    """One line per meeting occurrence, in the order given, under a header row."""
    buffer, writer = _writer()
    writer.writerow(OCCURRENCE_COLUMNS)
    writerow = writer.writerow
    for row in rows:
        get = row.get
        writerow((
            row["date"], csv_cell(row["meeting"]), row["attendance"], get("newcomers", 0),
            get("visitors", 0), get("online", 0), get("shares", 0), get("share_seconds", 0),
            get("passes", 0), get("over_time", 0), csv_cell(encode_counts(get("chips"))),
            cents_text(get("collection", 0)), get("currency") or "USD", get("start") or "",
            get("end") or "", csv_cell(get("note", "")), csv_cell(encode_counts(get("sections"))),
        ))
    return buffer.getvalue()


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
            *(getattr(totals, name) for name in _COUNT_COLUMNS[1:]),
            csv_cell(encode_counts(totals.chips)),
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
        raise ValidationError("file", "is empty; the first row must name the columns") from None
    except csv.Error as error:
        raise ValidationError("row 1", f"is not valid CSV ({error})") from None
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
                    f"row {number}, date", f"{record.meeting!r} on {record.date.isoformat()} "
                    f"is also on row {seen[record.key]}"))
                continue
            seen[record.key] = number
            records.append((number, record))
    except csv.Error as error:
        problems.append(ValidationError(f"row {number + 1}", f"is not valid CSV ({error})"))
    if problems:
        first = problems[0]
        more = len(problems) - 1
        suffix = f" ({more} more row{'s' if more > 1 else ''} with problems)" if more else ""
        raise ValidationError(first.field, first.reason + suffix)
    if not records:
        raise ValidationError("file", "has no records below the header row")
    return records


def _check_header(header: list[str]) -> None:
    for name in header:
        if name not in OCCURRENCE_COLUMNS:
            raise ValidationError("row 1", f"unknown column {name[:30]!r}; the columns are "
                                           f"{', '.join(OCCURRENCE_COLUMNS)}")
        if header.count(name) > 1:
            raise ValidationError("row 1", f"the column {name!r} appears twice")
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise ValidationError("row 1", f"the column{'s' if len(missing) > 1 else ''} "
                                       f"{', '.join(missing)} must be there")


def _record(number: int, header: list[str], cells: list[str], today: date,
            order: DateOrder | str | None, currency: str) -> Record:
    if len(cells) != len(header):
        raise ValidationError(f"row {number}", f"has {len(cells)} cells; the header has "
                                                f"{len(header)}")
    cell = dict(zip(header, (csv_text(value.strip()) for value in cells)))
    try:
        values: dict = {
            "date": parse_date(cell["date"], today=today, order=order, field="date"),
            "meeting": cell["meeting"],
            "currency": cell.get("currency") or currency,
            "note": cell.get("note", ""),
        }
        for name in _COUNT_COLUMNS:
            if name == "attendance" or cell.get(name):
                values[name] = count_field(name, cell[name])
        for name in ("chips", "sections"):
            values[name] = decode_counts(cell.get(name, ""), name)
        if cell.get("collection"):
            values["collection"] = parse_amount(cell["collection"])
        for name in ("start", "end"):
            if cell.get(name):
                values[name] = parse_time(cell[name], name)
        return Record(**values)
    except ValidationError as error:
        raise ValidationError(f"row {number}, {error.field}", error.reason) from None
