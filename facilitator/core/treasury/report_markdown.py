"""The monthly treasurer's report as Markdown, ready to read at the business meeting.

Every category, recipient and memo is the group's own text: each goes through
`markdown_text`, so nothing typed can become a link, a heading or a table of its own.
"""

from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from facilitator.core.dates import describe_date
from facilitator.core.i18n import _, ngettext
from facilitator.core.money import format_cents
from facilitator.core.records.report_tables import markdown_table
from facilitator.core.text_out import markdown_text
from facilitator.core.treasury.entry import Entry, category_label, kind_label, shown_label
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
    lines = ["# " + _("Treasurer's report"), "",
             # Translators: Markdown; keep the ** and the two spaces at the end.
             _("**Period:** {start} to {end}  ").format(start=describe_date(start),
                                                       end=describe_date(end)),
             _("**Currency:** {currency}").format(currency=markdown_text(currency)), "",
             "## " + _("Summary"), ""]
    rows = [[_("Balance at the start"), money(before.balance)],
            [ngettext("7th tradition collections ({n} meeting)",
                      "7th tradition collections ({n} meetings)", len(collected)).format(
                n=len(collected)), money(sum(cents for _day, cents in collected))]]
    rows += _by_label(chosen, "income", money)
    rows += _by_label(chosen, "expense", money, sign=-1)
    rows += _by_label(chosen, "contribution", money, sign=-1)
    rows.append([_("Balance at the end"), money(after.balance)])
    lines.append(markdown_table((["", _("Amount")], rows, {1})))
    lines += ["", "## " + _("Prudent reserve"), "",
              _("- **Average monthly expenses:** {amount} (averaged {how})").format(
                  amount=money(after.average_monthly_expenses),
                  how=markdown_text(after.reserve_note())),
              # Translators: {n} is the months of expenses kept (English: "months" for one too).
              ngettext("- **Reserve kept ({n} months):** {amount}",
                       "- **Reserve kept ({n} months):** {amount}", after.reserve_months).format(
                  n=after.reserve_months, amount=money(after.reserve_target)),
              _("- **Available to send:** {amount}").format(amount=money(after.available)), ""]
    if plan:
        lines += ["## " + _("Suggested split ({plan})").format(
            plan=markdown_text(describe_plan(plan))), ""]
        lines.append(markdown_table(([_("Service body"), _("Percent"), _("Amount")],
                                     [[share.to, f"{share.percent}%", money(share.amount)]
                                      for share in after.split()], {1, 2})))
        lines.append("")
    lines += ["## " + _("Entries"), ""]
    if chosen:
        lines.append(markdown_table(([_("Date"), _("Kind"), _("Category / to"), _("Amount"),
                                      _("Memo")],
                                     [[entry.date.isoformat(), kind_label(entry.kind),
                                       shown_label(entry), money(entry.signed), entry.memo]
                                      for entry in chosen], {3})))
    else:
        lines.append(_("No ledger entries in this period."))
    lines += ["", _("_No names: the ledger holds amounts and the group's own words only._"), ""]
    return "\n".join(lines)


def _by_label(entries: Sequence[Entry], kind: str, money, sign: int = 1) -> list:
    totals: dict[str, int] = {}
    for entry in entries:
        if entry.kind == kind:
            totals[entry.label] = totals.get(entry.label, 0) + entry.amount
    return [[_row_heading(kind, label), money(sign * cents)] for label, cents in totals.items()]


def _row_heading(kind: str, label: str) -> str:
    """'Expense: rent', 'Sent to: District 12': a summary row of the report."""
    if kind == "income":
        return _("Other income: {category}").format(category=category_label(label))
    if kind == "expense":
        return _("Expense: {category}").format(category=category_label(label))
    return _("Sent to: {body}").format(body=label)
