"""The tables and figures a person reads: for the terminal (`history`) and Markdown reports."""

from collections.abc import Mapping, Sequence

from babel.dates import get_day_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from facilitator.core.i18n import N_, _, counted, locale
from facilitator.core.money import format_cents
from facilitator.core.records.records import Records
from facilitator.core.records.statistics import Summary, Totals
from facilitator.core.text_out import escape, markdown_text

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # JSON keys: never translated
Table = tuple[list[str], list[list[str]], set[int]]  # headers, cells, right-aligned columns
# Translators: column headings of the history tables, in a terminal and a Markdown report.
OCCURRENCE_HEADINGS = (N_("Date"), N_("Meeting"), N_("Attendance"), N_("Newcomers"),
                       N_("Visitors"), N_("Online"), N_("Shares"), N_("Chips"), N_("Collection"))
PERIOD_HEADINGS = (N_("Period"), N_("Meetings"), N_("Attendance"), N_("Average"),
                   N_("Newcomers"), N_("Visitors"), N_("Online"), N_("Shares"), N_("Chips"),
                   N_("Collection"))


def number(value: float | None, digits: int = 1) -> str:
    """23.456 -> '23.5' (23,5 in Spanish); None (nothing to average) -> '-'."""
    return "-" if value is None else _in_locale(f"{value:,.{digits}f}")


def _in_locale(text: str) -> str:
    """A number Python wrote ('1,234.5') with the locale's group and decimal marks."""
    marks = {",": get_group_symbol(locale()), ".": get_decimal_symbol(locale())}
    return "".join(marks.get(char, char) for char in text)


def weekday_name(day: int) -> str:
    """The short name of weekday `day` (0 is Monday) in the language in use: 'Mon', 'lun'."""
    return get_day_names("abbreviated", locale=locale())[day]


def money(collection: Mapping[str, int]) -> str:
    """{'USD': 3150} -> '31.50 USD'; several currencies are listed, never added."""
    if not collection:
        return format_cents(0)
    return " + ".join(format_cents(cents, currency) for currency, cents in collection.items())


def chips_text(chips: Mapping[str, int]) -> str:
    """{'30d': 2, '1y': 1} -> '30d×2 1y×1'."""
    return " ".join(f"{key}×{count}" for key, count in chips.items())


def occurrence_table(records: Records) -> Table:
    """One line per occurrence: date, meeting and its counts."""
    mixed = len(set(records.column("currency"))) > 1
    headers = [_(heading) for heading in OCCURRENCE_HEADINGS]
    cells = [[
        record.date.isoformat(), record.meeting, str(record.attendance), str(record.newcomers),
        str(record.visitors), str(record.online), str(record.shares), str(record.chips_total),
        format_cents(record.collection, record.currency if mixed else ""),
    ] for record in records]
    return headers, cells, {2, 3, 4, 5, 6, 7, 8}


def period_table(groups: Sequence[Totals]) -> Table:
    """One line per period: how many meetings, totals and the average attendance."""
    headers = [_(heading) for heading in PERIOD_HEADINGS]
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
        (_("Meetings held"), str(totals.meetings)),
        (_("Total attendance"), _count(totals.attendance)),
        (_("Average attendance"), number(totals.average_attendance)),
        (_("Median attendance"), number(summary.median_attendance)),
        (_("Lowest / highest"), f"{_or_dash(summary.lowest_attendance)} / "
                                f"{_or_dash(summary.highest_attendance)}"),
        (_("Newcomers"), _count(totals.newcomers)),
        (_("Visitors / online"), f"{_count(totals.visitors)} / {_count(totals.online)}"),
        (_("Shares"), _count(totals.shares)),
        (_("Chips given"), _count(totals.chips_total) + (f" ({chips_text(totals.chips)})"
                                                         if totals.chips else "")),
        (_("Collection"), money(totals.collection)),
    ]
    per_attendee = totals.collection_per_attendee
    if per_attendee:
        lines.append((_("Collection per attendee"), " + ".join(
            format_cents(round(cents), currency) for currency, cents in per_attendee.items())))
    if summary.by_weekday:
        lines.append((_("Average by weekday"), ", ".join(
            weekday_name(day) + " " + _in_locale(format(value, ".1f"))
            for day, value in summary.by_weekday.items())))
    change = summary.year_before
    if change is not None:
        lines.append((_("A year before"), _year_before(change)))
    return lines


def _count(value: int) -> str:
    return _in_locale(f"{value:,}")


def _year_before(change) -> str:
    """How the same period a year before compares: its average, meetings and the change."""
    # Translators: a period of dates, "2023-01-01 to 2023-12-31".
    before = _("{start} to {end}").format(start=change.start.isoformat(),
                                          end=change.end.isoformat())
    if change.average_change is None:
        return _("no records from {period}").format(period=before)
    percent = ("" if change.average_change_percent is None
               else " (" + _in_locale(f"{change.average_change_percent:+.1f}") + "%)")
    # Translators: {meetings} is "12 meetings"; {change} is a signed average such as +1.5,
    # {percent} " (+8.0%)" or nothing, {newcomers} a signed count such as -3.
    return _("average {average} over {meetings} ({period}); change {change}{percent}, "
             "newcomers {newcomers}").format(
        average=number(change.average_attendance),
        meetings=counted("{n} meeting", "{n} meetings", change.meetings), period=before,
        change=_in_locale(f"{change.average_change:+.1f}"), percent=percent,
        newcomers=f"{change.newcomers_change:+d}")


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
