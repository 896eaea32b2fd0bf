"""What a report section of a business meeting starts from: the words already in the minutes,
or, for the treasurer, the treasury's figures on the meeting's date."""

from facilitator.core.business.minutes import Minutes
from facilitator.core.i18n import ngettext, number
from facilitator.core.money import format_cents
from facilitator.core.treasury.position import Position


def is_treasurer_section(title: str) -> bool:
    """'Treasurer's report', 'Treasury' ('Informe de tesorería'): the section the treasury's
    figures belong to."""
    return "treasur" in title.casefold() or "tesorer" in title.casefold()


def treasurer_summary(position: Position) -> str:
    """One line for the minutes: the balance, the prudent reserve and what can be sent on."""
    money = lambda cents: format_cents(cents, position.currency)  # noqa: E731
    # Translators: {n} is the months of expenses kept (English says "months" for one too).
    return ngettext("Balance {balance}; prudent reserve {reserve} ({n} months); available "
                    "to send on {available}.", "Balance {balance}; prudent reserve {reserve} "
                    "({n} months); available to send on {available}.", position.reserve_months
                    ).format(n=number(position.reserve_months), balance=money(position.balance),
                            reserve=money(position.reserve_target),
                            available=money(position.available))


def report_start(minutes: Minutes | None, section: str, treasury: Position | None) -> str:
    """The words the report box opens with: those already given for `section` in these
    minutes, else the treasury's figures in the treasurer's section (when there is a
    ledger), else nothing."""
    given = {report.section.casefold(): report.text
             for report in (minutes.reports if minutes else ())}
    if section.casefold() in given:
        return given[section.casefold()]
    if treasury is not None and is_treasurer_section(section):
        return treasurer_summary(treasury)
    return ""
