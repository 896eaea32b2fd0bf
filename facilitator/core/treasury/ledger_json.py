"""The ledger in the JSON export, and each group's ledger carried through `merge`.

Amounts are written as text ("12.50") beside the currency, like the records' collections,
never as a float; read back, each entry is checked as a stored one is.
"""

from collections.abc import Mapping, Sequence

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _
from facilitator.core.money import parse_amount
from facilitator.core.records.record_fields import Currency, cents_text
from facilitator.core.treasury.entry import Entry


def ledger_json(entries: Sequence[Entry], currency: str) -> dict:
    """{"currency": "USD", "entries": [{"date", "kind", "amount": "12.50", …}]}."""
    return {"currency": currency,
            "entries": [{**entry.to_dict(), "amount": cents_text(entry.amount)}
                        for entry in entries]}


def ledger_from_json(ledger: object, where: str) -> dict:
    """An export's ledger, every entry checked; ValidationError naming where it is wrong."""
    if not isinstance(ledger, Mapping) or not isinstance(ledger.get("entries"), list):
        raise ValidationError(f"{where}, ledger", _("must hold a currency and a list of entries"))
    currency = Currency().check(f"{where}, ledger, currency", ledger.get("currency"))
    entries = []
    for index, row in enumerate(ledger["entries"]):
        field = f"{where}, ledger, entries[{index}]"
        if not isinstance(row, Mapping) or not isinstance(row.get("amount"), str):
            raise ValidationError(field, _("must hold an amount written like 12.50"))
        try:
            entries.append(Entry.from_dict({**row, "amount": parse_amount(row["amount"])}))
        except ValidationError as error:
            raise ValidationError(f"{field}, {error.field}", error.reason) from None
    return ledger_json(entries, currency)


def attach_ledgers(report: dict, sources: Sequence[tuple[str, object]]) -> dict:
    """The merged report with each group's own ledger beside its totals (never added up
    across groups: each group keeps its own money)."""
    for group, (name, document) in zip(report["groups"], sources):
        if isinstance(document, Mapping) and "ledger" in document:
            group["ledger"] = ledger_from_json(document["ledger"], name)
    return report
