"""The store overrides TinyDB's private `Table._update_table` (store/storage.py): a TinyDB
release that renames it, changes its signature or stops routing changes through it must fail
here, not silently bypass the in-place writes."""

import inspect

import pytest
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from facilitator.store.storage import InPlaceTable


def test_tinydb_still_has_the_hook_with_the_same_signature():
    hook = inspect.signature(Table._update_table)
    ours = inspect.signature(InPlaceTable._update_table)
    assert list(hook.parameters) == list(ours.parameters) == ["self", "updater"]


@pytest.mark.parametrize("change", [
    lambda table: table.insert({"n": 1}),
    lambda table: table.insert_multiple([{"n": 1}, {"n": 2}]),
    lambda table: table.update({"n": 3}, doc_ids=[1]),
    lambda table: table.upsert({"n": 4}, cond=lambda document: document["n"] == 4),
    lambda table: table.remove(doc_ids=[1]),
    lambda table: table.truncate(),
])
def test_every_change_goes_through_the_hook(change, monkeypatch):
    storage = MemoryStorage()
    storage.write({"records": {"1": {"n": 0}}})
    table = InPlaceTable(storage, "records")
    calls = []
    original = InPlaceTable._update_table

    def counted(self, updater):
        calls.append(updater)
        return original(self, updater)

    monkeypatch.setattr(InPlaceTable, "_update_table", counted)
    change(table)
    assert calls, "TinyDB changed the table without calling _update_table"


def test_the_override_changes_documents_in_place():
    storage = MemoryStorage()
    stored = {"records": {"1": {"n": 0}}}
    storage.write(stored)
    table = InPlaceTable(storage, "records")
    table.update({"n": 5}, doc_ids=[1])
    table.insert({"n": 6})
    assert storage.read() is stored
    assert stored["records"] == {"1": {"n": 5}, "2": {"n": 6}}
