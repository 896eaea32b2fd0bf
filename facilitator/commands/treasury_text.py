"""The treasury commands' text output, in the group's currency format."""

from facilitator.core.dates import describe_date
from facilitator.core.money import format_cents
from facilitator.core.treasury.position import Position
from facilitator.core.treasury.split import Share, describe_plan


def entry_lines(chosen: list, currency: str, *, filtered: bool = False) -> list[str]:
    if not chosen and filtered:
        return ["No ledger entries in that period."]
    if not chosen:
        return ["No ledger entries: `facilitator treasury opening AMOUNT --date D` starts one."]
    lines = [f"{'#':>5}  {'DATE':<10}  {'KIND':<12}  {'CATEGORY / TO':<24}  {'AMOUNT':>14}  MEMO"]
    for number, entry in chosen:
        lines.append(f"{number:>5}  {entry.date.isoformat():<10}  {entry.kind:<12}  "
                     f"{entry.label[:24]:<24}  {format_cents(entry.signed):>14}  {entry.memo}")
    lines.append(f"amounts in {currency}")
    return lines


def position_lines(figures: Position) -> list[str]:
    money = lambda cents: f"{format_cents(cents, figures.currency):>18}"  # noqa: E731
    since = (f"opening balance on {figures.start.isoformat()}" if figures.start
             else "no opening balance: from the first entry")
    lines = [f"Treasury on {describe_date(figures.on)}", "",
             f"  {'Opening balance':<32}{money(figures.opening)}   {since}",
             f"  {'Collections':<32}{money(figures.collections)}",
             f"  {'Other income':<32}{money(figures.other_income)}",
             f"  {'Expenses':<32}{money(-figures.expenses)}",
             f"  {'Contributions':<32}{money(-figures.contributions)}",
             f"  {'Balance':<32}{money(figures.balance)}", "",
             f"  {'Average monthly expenses':<32}{money(figures.average_monthly_expenses)}   "
             f"averaged {figures.reserve_note()}",
             f"  {'Prudent reserve (' + str(figures.reserve_months) + ' months)':<32}"
             f"{money(figures.reserve_target)}",
             f"  {'Available to send':<32}{money(figures.available)}", ""]
    if figures.uncounted_collections:
        lines[4:4] = [f"  ({figures.uncounted_collections} collections in another currency "
                      f"than {figures.currency} are not counted)"]
    return lines + share_lines(figures, figures.split())


def share_lines(figures: Position, shares: list[Share], *, recorded: bool = False) -> list[str]:
    if not figures.plan:
        return ['No split plan: `facilitator treasury plan "District 40" "Area 30" "GSO 30"`']
    total = format_cents(sum(share.amount for share in shares), figures.currency)
    head = (f"Recorded as contributions on {figures.on.isoformat()}" if recorded
            else f"Split of {total}")
    lines = [f"{head} ({describe_plan(figures.plan)}):"]
    lines += [f"  {share.to[:40]:<40}{share.percent:>4}%"
              f"{format_cents(share.amount, figures.currency):>18}" for share in shares]
    split_total = sum(share.amount for share in shares)
    if split_total > figures.available:
        lines.append(f"Note: {total} is more than is available to send "
                     f"({format_cents(figures.available, figures.currency)}): it takes from "
                     "the prudent reserve.")
    return lines
