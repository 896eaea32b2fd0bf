"""The monthly treasurer's report as Markdown, ready to read at the business meeting.

Every category, recipient and memo is the group's own text: each goes through
`markdown_text`, so nothing typed can become a link, a heading or a table of its own.
"""

from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from facilitator.core.dates import describe_date
from facilitator.core.money import format_cents
from facilitator.core.records.report_tables import markdown_table
from facilitator.core.text_out import markdown_text
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.position import Position, position
from facilitator.core.treasury.split import Plan, describe_plan


def last_full_month(today: date) -> tuple[date, date]:
    """The month before `today`'s: the period a monthly report covers by default."""
    first = today.replace(day=1) - relativedelta(months=1)
    return first, today.replace(day=1) - timedelta(days=1)


def treasurer_report(entries: Sequence[Entry], collections: Sequence[tuple[date, int]],
                     start: date, end: date, *, currency: str, reserve_months: int,
                     plan: Plan) -> str:
    """The report of `start` to `end` (both included)."""
    def figures(on: date) -> Position:
        return position(entries, collections, on, currency=currency,
                        reserve_months=reserve_months, plan=plan)

    before, after = figures(start - timedelta(days=1)), figures(end)
    money = lambda cents: format_cents(cents, currency)  # noqa: E731
    chosen = [entry for entry in entries if start <= entry.date <= end and entry.kind != "opening"]
    collected = [(day, cents) for day, cents in collections if start <= day <= end]
    lines = ["# Treasurer's report", "",
             f"**Period:** {describe_date(start)} to {describe_date(end)}  ",
             f"**Currency:** {markdown_text(currency)}", "", "## Summary", ""]
    rows = [["Balance at the start", money(before.balance)],
            [f"7th tradition collections ({len(collected)} "
             f"{'meeting' if len(collected) == 1 else 'meetings'})",
             money(sum(cents for _, cents in collected))]]
    rows += _by_label(chosen, "income", "Other income", money)
    rows += _by_label(chosen, "expense", "Expense", money, sign=-1)
    rows += _by_label(chosen, "contribution", "Sent to", money, sign=-1)
    rows.append(["Balance at the end", money(after.balance)])
    lines.append(markdown_table((["", "Amount"], rows, {1})))
    lines += ["", "## Prudent reserve", "",
              f"- **Average monthly expenses:** {money(after.average_monthly_expenses)} "
              f"(averaged {markdown_text(after.reserve_note())})",
              f"- **Reserve kept ({after.reserve_months} months):** {money(after.reserve_target)}",
              f"- **Available to send:** {money(after.available)}", ""]
    if plan:
        lines += [f"## Suggested split ({markdown_text(describe_plan(plan))})", ""]
        lines.append(markdown_table((["Service body", "Percent", "Amount"],
                                     [[share.to, f"{share.percent}%", money(share.amount)]
                                      for share in after.split()], {1, 2})))
        lines.append("")
    lines += ["## Entries", ""]
    if chosen:
        lines.append(markdown_table((["Date", "Kind", "Category / to", "Amount", "Memo"],
                                     [[entry.date.isoformat(), entry.kind, entry.label,
                                       money(entry.signed), entry.memo] for entry in chosen],
                                     {3})))
    else:
        lines.append("No ledger entries in this period.")
    lines += ["", "_No names: the ledger holds amounts and the group's own words only._", ""]
    return "\n".join(lines)


def _by_label(entries: Sequence[Entry], kind: str, heading: str, money, sign: int = 1) -> list:
    totals: dict[str, int] = {}
    for entry in entries:
        if entry.kind == kind:
            totals[entry.label] = totals.get(entry.label, 0) + entry.amount
    return [[f"{heading}: {label}", money(sign * cents)] for label, cents in totals.items()]
