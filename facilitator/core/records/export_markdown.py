"""A Markdown report for a business meeting or a GSR: title, period, a table, totals."""

from datetime import date

from facilitator.core.dates import describe_date
from facilitator.core.i18n import N_, _
from facilitator.core.records.records import Records
from facilitator.core.records.report_tables import (markdown_table, occurrence_table, period_table,
                                            summary_lines)
from facilitator.core.records.statistics import group, summarize
from facilitator.core.text_out import markdown_text

_HEADINGS = {"occurrence": N_("Meetings"), "week": N_("By week"), "month": N_("By month"),
             "year": N_("By year")}
DEFAULT_TITLE = N_("Attendance report")


def markdown_report(rows: Records, by: str = "occurrence", start: date | None = None,
                    end: date | None = None, previous: Records | None = None,
                    title: str = DEFAULT_TITLE) -> str:
    """The report of `rows` (oldest first): counts only, ready to paste or print, in the
    language in use (a title of the caller's own is kept as given)."""
    title = _(title) if title == DEFAULT_TITLE else title
    summary = summarize(rows, start, end, previous)
    totals = summary.totals
    names = sorted(set(rows.column("meeting")), key=str.casefold)
    lines = [f"# {markdown_text(title)}", ""]
    if totals.start and totals.end:
        lines.append(_("**Period:** {start} to {end}").format(
            start=describe_date(totals.start), end=describe_date(totals.end)) + "  ")
    # Translators: the meetings a report covers when none are in it.
    shown = ", ".join(map(markdown_text, names)) if names else _("none")
    lines.append(_("**Meetings:** {names}").format(names=shown))
    lines += ["", f"## {_(_HEADINGS[by])}", ""]
    if not rows:
        lines.append(_("No meetings were recorded in this period."))
    elif by == "occurrence":
        lines.append(markdown_table(occurrence_table(rows)))
    else:
        lines.append(markdown_table(period_table(group(rows, by))))
    lines += ["", "## " + _("Totals"), ""]
    lines += [f"- **{label}:** {markdown_text(value)}" for label, value in summary_lines(summary)]
    lines += ["", _("_Anonymous counts only: no names are recorded._"), ""]
    return "\n".join(lines)
