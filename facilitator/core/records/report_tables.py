"""The tables and figures a person reads: for the terminal (`history`) and Markdown reports."""

from collections.abc import Mapping, Sequence

from facilitator.core.money import format_cents
from facilitator.core.plurals import plural
from facilitator.core.records.records import Records
from facilitator.core.records.statistics import Summary, Totals
from facilitator.core.text_out import escape, markdown_text

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
Table = tuple[list[str], list[list[str]], set[int]]  # headers, cells, right-aligned columns


def number(value: float | None, digits: int = 1) -> str:
    """23.456 -> '23.5'; None (nothing to average) -> '-'."""
    return "-" if value is None else f"{value:,.{digits}f}"


def money(collection: Mapping[str, int]) -> str:
    """{'USD': 3150} -> '31.50 USD'; several currencies are listed, never added."""
    if not collection:
        return "0.00"
    return " + ".join(format_cents(cents, currency) for currency, cents in collection.items())


def chips_text(chips: Mapping[str, int]) -> str:
    """{'30d': 2, '1y': 1} -> '30d×2 1y×1'."""
    return " ".join(f"{key}×{count}" for key, count in chips.items())


def occurrence_table(records: Records) -> Table:
    """One line per occurrence: date, meeting and its counts."""
    mixed = len(set(records.column("currency"))) > 1
    headers = ["Date", "Meeting", "Attendance", "Newcomers", "Visitors", "Online", "Shares",
               "Chips", "Collection"]
    cells = [[
        record.date.isoformat(), record.meeting, str(record.attendance), str(record.newcomers),
        str(record.visitors), str(record.online), str(record.shares), str(record.chips_total),
        format_cents(record.collection, record.currency if mixed else ""),
    ] for record in records]
    return headers, cells, {2, 3, 4, 5, 6, 7, 8}


def period_table(groups: Sequence[Totals]) -> Table:
    """One line per period: how many meetings, totals and the average attendance."""
    headers = ["Period", "Meetings", "Attendance", "Average", "Newcomers", "Visitors",
               "Online", "Shares", "Chips", "Collection"]
    cells = [[
        totals.label, str(totals.meetings), str(totals.attendance),
        number(totals.average_attendance), str(totals.newcomers), str(totals.visitors),
        str(totals.online), str(totals.shares), str(totals.chips_total), money(totals.collection),
    ] for totals in groups]
    return headers, cells, set(range(1, 10))


def summary_lines(summary: Summary) -> list[tuple[str, str]]:
    """The summary figures as (label, value) pairs, in reading order."""
    totals = summary.totals
    lines = [
        ("Meetings held", str(totals.meetings)),
        ("Total attendance", f"{totals.attendance:,}"),
        ("Average attendance", number(totals.average_attendance)),
        ("Median attendance", number(summary.median_attendance)),
        ("Lowest / highest", f"{_or_dash(summary.lowest_attendance)} / "
                             f"{_or_dash(summary.highest_attendance)}"),
        ("Newcomers", f"{totals.newcomers:,}"),
        ("Visitors / online", f"{totals.visitors:,} / {totals.online:,}"),
        ("Shares", f"{totals.shares:,}"),
        ("Chips given", f"{totals.chips_total:,}" + (f" ({chips_text(totals.chips)})"
                                                    if totals.chips else "")),
        ("Collection", money(totals.collection)),
    ]
    per_attendee = totals.collection_per_attendee
    if per_attendee:
        lines.append(("Collection per attendee", " + ".join(
            format_cents(round(cents), currency) for currency, cents in per_attendee.items())))
    if summary.by_weekday:
        lines.append(("Average by weekday", ", ".join(
            f"{WEEKDAY_NAMES[day]} {value:.1f}" for day, value in summary.by_weekday.items())))
    change = summary.year_before
    if change is not None:
        before = f"{change.start.isoformat()} to {change.end.isoformat()}"
        if change.average_change is None:
            lines.append(("A year before", f"no records from {before}"))
        else:
            percent = ("" if change.average_change_percent is None
                       else f" ({change.average_change_percent:+.1f}%)")
            lines.append(("A year before", f"average {number(change.average_attendance)} over "
                          f"{plural(change.meetings, 'meeting', 'meetings')} ({before}); change "
                          f"{change.average_change:+.1f}{percent}, newcomers "
                          f"{change.newcomers_change:+d}"))
    return lines


def _or_dash(value: int | None) -> str:
    return "-" if value is None else str(value)


def aligned_text(table: Table) -> str:
    """A plain table for a terminal: columns padded, numbers to the right."""
    headers, cells, right = table
    widths = [max([len(headers[i])] + [len(row[i]) for row in cells]) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(value.rjust(width) if i in right else value.ljust(width)
                         for i, (value, width) in enumerate(zip(values, widths))).rstrip()

    text = "\n".join([line(headers), line(["-" * w for w in widths])] +
                      [line(row) for row in cells])
    return escape(text, lines=True)  # one pass over the whole table: a damaged name is shown


def markdown_table(table: Table) -> str:
    """A GitHub-flavoured Markdown table; each cell is literal text (see markdown_text)."""
    headers, cells, right = table

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(map(markdown_text, values)) + " |"

    rule = "|" + "|".join("---:" if i in right else ":---" for i in range(len(headers))) + "|"
    return "\n".join([line(headers), rule] + [line(row) for row in cells])
