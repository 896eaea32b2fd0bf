"""A Markdown report for a business meeting or a GSR: title, period, a table, totals."""

from datetime import date

from facilitator.core.dates import describe_date
from facilitator.core.records.records import Records
from facilitator.core.records.report_tables import (markdown_table, occurrence_table, period_table,
                                            summary_lines)
from facilitator.core.records.statistics import group, summarize
from facilitator.core.text_out import markdown_text

_HEADINGS = {"occurrence": "Meetings", "week": "By week", "month": "By month", "year": "By year"}


def markdown_report(rows: Records, by: str = "occurrence", start: date | None = None,
                    end: date | None = None, previous: Records | None = None,
                    title: str = "Attendance report") -> str:
    """The report of `rows` (oldest first): counts only, ready to paste or print."""
    summary = summarize(rows, start, end, previous)
    totals = summary.totals
    names = sorted(set(rows.column("meeting")), key=str.casefold)
    lines = [f"# {markdown_text(title)}", ""]
    if totals.start and totals.end:
        lines.append(f"**Period:** {describe_date(totals.start)} to {describe_date(totals.end)}  ")
    shown = ", ".join(map(markdown_text, names)) if names else "none"
    lines.append(f"**Meetings:** {shown}")
    lines += ["", f"## {_HEADINGS[by]}", ""]
    if not rows:
        lines.append("No meetings were recorded in this period.")
    elif by == "occurrence":
        lines.append(markdown_table(occurrence_table(rows)))
    else:
        lines.append(markdown_table(period_table(group(rows, by))))
    lines += ["", "## Totals", ""]
    lines += [f"- **{label}:** {markdown_text(value)}" for label, value in summary_lines(summary)]
    lines += ["", "_Anonymous counts only: no names are recorded._", ""]
    return "\n".join(lines)
