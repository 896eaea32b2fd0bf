"""Every stored table checked when it is read: one checker per table, for reads and `doctor`.

A damaged or hand-edited file can have the right outline with wrong values inside (a
meeting without a name, a negative count, a date that does not exist). Each table has one
checker here; the database uses it the first time the table is read and `doctor` uses the
same one to list every problem. A new table is one line in TABLES.
"""

from collections.abc import Callable, Sequence
from importlib import import_module
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _
from facilitator.core.records.record import Record
from facilitator.core.records.records import Records, records_from_columns
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.errors import UnreadableDatabase

_WRONG = (FacilitatorError, TypeError, ValueError, KeyError, AttributeError)


class Problem(NamedTuple):
    """What is wrong with one stored document: 'record 7', "date: '2025-13-01' is not …"."""

    document: str
    reason: str

    def __str__(self) -> str:
        return _("{field}: {reason}").format(field=self.document, reason=self.reason)


class Checked(NamedTuple):
    """A table read: the document ids and, beside each, its value; or what is wrong."""

    ids: list[str]
    values: Sequence
    problems: list[Problem]


TableCheck = Callable[[dict], Checked]


def _problem(document: str, error: Exception) -> Problem:
    reason = str(error) if isinstance(error, FacilitatorError) else _("it has the wrong shape")
    return Problem(document, reason)


def built_by(name: str) -> Callable[[object], object]:
    """The builder `module:attribute` ("facilitator.core.treasury.entry:Entry.from_dict"),
    imported when the first document is built: opening the database for the start screen
    loads the code of the tables it reads (meetings, settings, records), not the treasury's
    or the minutes'."""
    module, _colon, attribute = name.partition(":")
    loaded: list[Callable[[object], object]] = []

    def build(document: object) -> object:
        if not loaded:
            try:
                loaded.append(attrgetter(attribute)(import_module(module)))
            except AttributeError as error:  # a misspelt name, never a damaged document
                raise ImportError(f"{name}: {error}") from None
        return loaded[0](document)

    return build


def each_document(kind: str, build: Callable[[object], object]) -> TableCheck:
    """A table of documents of one kind, each made by `build`; `kind` names one document,
    marked with N_: "meeting {number}"."""

    def check(documents: dict) -> Checked:
        ids, values, problems = [], [], []
        for doc_id, document in documents.items():
            try:
                values.append(build(document))
                ids.append(doc_id)
            except _WRONG as error:
                problems.append(_problem(_(kind).format(number=doc_id), error))
        return Checked(ids, values, problems)

    return check


def one_document(name: str, build: Callable[[object], object]) -> TableCheck:
    """A table that holds one document (the settings, the chip stock), named as a whole
    (`name` marked with N_)."""
    per_document = each_document(name, build)

    def check(documents: dict) -> Checked:
        checked = per_document(documents)
        return Checked(checked.ids, checked.values,
                       [Problem(_(name), problem.reason) for problem in checked.problems])

    return check


def _records(documents: dict) -> Checked:
    """Records checked column by column; when one is wrong, row by row to name it."""
    records = records_from_columns(list(documents.values()))
    if records is not None:
        return Checked(list(documents), records, [])
    checked = each_document(N_("record {number}"), Record.from_dict)(documents)
    return Checked(checked.ids, Records.of(checked.values), checked.problems)


TABLES: dict[str, TableCheck] = {
    # Translators: a stored document named by its number, in a list of damaged ones.
    "meetings": each_document(N_("meeting {number}"), Meeting.from_dict),
    "records": _records,
    "settings": one_document(N_("the settings"), GroupSettings.from_dict),
    "stock": one_document(N_("the chip stock"),
                          built_by("facilitator.core.chips.chip_stock:from_rows")),
    "minutes": each_document(N_("minutes {number}"),
                             built_by("facilitator.core.business.minutes:Minutes.from_dict")),
    "ledger": each_document(N_("ledger entry {number}"),
                            built_by("facilitator.core.treasury.entry:Entry.from_dict")),
}


def table_problems(tables: dict) -> list[Problem]:
    """Everything any command would refuse in a file's (migrated) tables."""
    return [problem for name, check in TABLES.items()
            for problem in check(tables.get(name, {})).problems]


def check_table(path: Path, name: str, documents: dict) -> Checked:
    """The table checked; UnreadableDatabase naming the first problem (exit 2)."""
    checked = TABLES[name](documents)
    if checked.problems:
        raise damaged(path, checked.problems[0])
    return checked


def damaged(path: Path, problem: Problem) -> UnreadableDatabase:
    from facilitator.store.loader import newest_backup

    return UnreadableDatabase(
        path, _("{document} is damaged: {reason}; `facilitator doctor` lists every "
                "problem").format(document=problem.document, reason=problem.reason),
        newest_backup(path))
