"""The treasurer's ledger in the database: checked when read, changed by atomic writes.

Mixed into `Database`: every change is one write with a backup, like a record's, and a
split's contributions (or a chip delivery with the stock it adds) are that same one write.
"""

from datetime import date
from typing import TYPE_CHECKING

from tinydb.table import Document

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import _, pgettext

if TYPE_CHECKING:  # the treasury's code loads when the ledger is first used, not at start-up
    from facilitator.core.treasury.entry import Entry
    from facilitator.core.treasury.position import Position


class LedgerStore:
    """The `ledger` table: one document per entry, its id the entry's number."""

    def ledger(self) -> "list[tuple[int, Entry]]":
        """Every entry beside its number, in date order (then as entered)."""
        checked = self._table("ledger")
        pairs = [(int(doc_id), entry) for doc_id, entry in zip(checked.ids, checked.values)]
        return sorted(pairs, key=lambda pair: (pair[1].date, pair[0]))

    def ledger_entries(self) -> "list[Entry]":
        return [entry for _number, entry in self.ledger()]

    def treasury(self, on: date) -> "Position":
        """The treasury on `on`: the ledger, the records' collections and the group's plan."""
        from facilitator.core.treasury.position import (collections_of, position,
                                                        uncounted_collections)

        settings, records = self.settings(), self.records()
        return position(self.ledger_entries(), collections_of(records, settings.currency), on,
                        currency=settings.currency, reserve_months=settings.reserve_months,
                        plan=settings.split_plan,
                        uncounted=uncounted_collections(records, settings.currency))

    def treasurer_report(self, start: date, end: date) -> str:
        """The treasurer's Markdown report of `start` to `end`."""
        from facilitator.core.treasury.position import collections_of
        from facilitator.core.treasury.report_markdown import treasurer_report

        settings = self.settings()
        return treasurer_report(self.ledger_entries(),
                                collections_of(self.records(), settings.currency), start, end,
                                currency=settings.currency,
                                reserve_months=settings.reserve_months,
                                plan=settings.split_plan)

    def add_ledger_entries(self, entries: "list[Entry]", *,
                           stock: dict[str, dict] | None = None) -> list[int]:
        """Save entries in one atomic write (all or none), the chip stock with them when
        given; an opening balance takes the place of the one before. Returns their numbers."""
        if sum(entry.kind == "opening" for entry in entries) > 1:
            raise ValidationError(pgettext("field", "opening"),
                                  _("a ledger has one opening balance"))
        old_openings = ([doc_id for doc_id, entry in self.ledger() if entry.kind == "opening"]
                        if any(entry.kind == "opening" for entry in entries) else [])
        numbers: list[int] = []

        def change() -> None:
            table = self._db.table("ledger")
            if old_openings:
                table.remove(doc_ids=old_openings)
            numbers.extend(table.insert_multiple(entry.to_dict() for entry in entries))
            if stock is not None:
                self._save_stock_rows(stock)

        self._write(change, backup=True)
        return numbers

    def replace_ledger_entry(self, number: int, entry: "Entry") -> None:
        """Put `entry` in place of entry `number` (a correction), keeping its number."""
        self._ledger_entry(number)
        if entry.kind == "opening" and any(
                other.kind == "opening" and doc_id != number for doc_id, other in self.ledger()):
            raise ValidationError(pgettext("field", "opening"),
                                  _("a ledger has one opening balance; change that one"))
        corrected = Document(entry.to_dict(), doc_id=number)
        self._write(lambda: self._db.table("ledger").upsert(corrected), backup=True)

    def remove_ledger_entry(self, number: int, *,
                            stock: dict[str, dict] | None = None) -> "Entry":
        """Delete entry `number` (and put the chip stock back to `stock` in the same write,
        when given); returns it, to put back on undo."""
        entry = self._ledger_entry(number)

        def change() -> None:
            self._db.table("ledger").remove(doc_ids=[number])
            if stock is not None:
                self._save_stock_rows(stock)

        self._write(change, backup=True)
        return entry

    def _save_stock_rows(self, stock: dict[str, dict]) -> None:
        self._db.table("stock").truncate()
        self._db.table("stock").insert(Document(stock, doc_id=1))

    def _ledger_entry(self, number: int) -> "Entry":
        found = dict(self.ledger()).get(number)
        if found is None:
            raise ValidationError(pgettext("field", "entry"),
                                  _("there is no ledger entry {number}").format(number=number))
        return found
