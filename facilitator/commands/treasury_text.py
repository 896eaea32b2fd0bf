"""The treasury commands' text output, in the group's currency format."""

from facilitator.core.dates import describe_date
from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.money import format_cents
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.position import Position
from facilitator.core.treasury.split import Share, describe_plan

# An entry's kind is stored in English; these are the words shown for it.
KIND_WORDS = {"opening": N_("opening"), "income": N_("income"), "expense": N_("expense"),
              "contribution": N_("contribution")}
# What `treasury add` and `treasury opening` say they wrote, one whole sentence per kind.
ENTRY_ADDED = {
    "opening": N_("entry {number}: opening balance of {amount} on {date}"),
    "income": N_("entry {number}: income of {amount} on {date}"),
    "expense": N_("entry {number}: expense of {amount} on {date}"),
    "contribution": N_("entry {number}: contribution of {amount} on {date}"),
}


def entry_line(number: int, entry: Entry, currency: str) -> str:
    """"entry 7: expense of 40.00 USD on 2025-03-01 (rent)"."""
    line = _(ENTRY_ADDED[entry.kind]).format(number=number, date=entry.date.isoformat(),
                                             amount=format_cents(entry.amount, currency))
    # Translators: {label} is the expense's category or the contribution's service body.
    return _("{line} ({label})").format(line=line, label=entry.label) if entry.label else line


def entry_lines(chosen: list, currency: str, *, filtered: bool = False) -> list[str]:
    if not chosen and filtered:
        return [_("No ledger entries in that period.")]
    if not chosen:
        return [_("No ledger entries: `facilitator treasury opening AMOUNT --date D` starts one.")]
    # Translators: column headings of the ledger; DATE fits 10, KIND 12, CATEGORY / TO 24.
    day, kind, label, amount = _("DATE"), _("KIND"), _("CATEGORY / TO"), _("AMOUNT")
    lines = [f"{'#':>5}  {day:<10}  {kind:<12}  {label:<24}  {amount:>14}  " + _("MEMO")]
    for number, entry in chosen:
        kind = _(KIND_WORDS.get(entry.kind, entry.kind))
        lines.append(f"{number:>5}  {entry.date.isoformat():<10}  {kind:<12}  "
                     f"{entry.label[:24]:<24}  {format_cents(entry.signed):>14}  {entry.memo}")
    lines.append(_("amounts in {currency}").format(currency=currency))
    return lines


def position_lines(figures: Position) -> list[str]:
    money = lambda cents: f"{format_cents(cents, figures.currency):>18}"  # noqa: E731
    since = (_("opening balance on {date}").format(date=figures.start.isoformat())
             if figures.start else _("no opening balance: from the first entry"))
    reserve = ngettext("Prudent reserve ({n} month)", "Prudent reserve ({n} months)",
                       figures.reserve_months).format(n=figures.reserve_months)
    figure = lambda label, cents: f"  {label:<32}{money(cents)}"  # noqa: E731
    # Translators: the labels of the treasurer's figures fit 31 characters.
    lines = [_("Treasury on {date}").format(date=describe_date(figures.on)), "",
             figure(_("Opening balance"), figures.opening) + f"   {since}",
             figure(_("Collections"), figures.collections),
             figure(_("Other income"), figures.other_income),
             figure(_("Expenses"), -figures.expenses),
             figure(_("Contributions"), -figures.contributions),
             figure(_("Balance"), figures.balance), "",
             figure(_("Average monthly expenses"), figures.average_monthly_expenses) + "   "
             + _("averaged {note}").format(note=figures.reserve_note()),
             figure(reserve, figures.reserve_target),
             figure(_("Available to send"), figures.available), ""]
    if figures.uncounted_collections:
        lines[4:4] = ["  " + ngettext(
            "({n} collection in another currency than {currency} is not counted)",
            "({n} collections in another currency than {currency} are not counted)",
            figures.uncounted_collections).format(n=figures.uncounted_collections,
                                                  currency=figures.currency)]
    return lines + share_lines(figures, figures.split())


def share_lines(figures: Position, shares: list[Share], *, recorded: bool = False) -> list[str]:
    if not figures.plan:
        return [_('No split plan: `facilitator treasury plan "District 40" "Area 30" "GSO 30"`')]
    total = format_cents(sum(share.amount for share in shares), figures.currency)
    head = (_("Recorded as contributions on {date}").format(date=figures.on.isoformat())
            if recorded else _("Split of {total}").format(total=total))
    lines = [_("{head} ({plan}):").format(head=head, plan=describe_plan(figures.plan))]
    lines += [f"  {share.to[:40]:<40}{share.percent:>4}%"
              f"{format_cents(share.amount, figures.currency):>18}" for share in shares]
    split_total = sum(share.amount for share in shares)
    if split_total > figures.available:
        lines.append(_("Note: {total} is more than is available to send ({available}): it "
                       "takes from the prudent reserve.").format(
            total=total, available=format_cents(figures.available, figures.currency)))
    return lines
