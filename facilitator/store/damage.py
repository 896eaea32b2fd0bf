"""A stored document that does not make a valid value: the database is reported unreadable.

A damaged or hand-edited file can have the right outline with wrong values inside (a
meeting without a name, a negative count). Reading one ends in the one-line message of an
unreadable database (exit 2, the file and its newest backup named), never in a traceback.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from facilitator.core.errors import FacilitatorError
from facilitator.core.record import Record
from facilitator.store.bulk_records import records_from_rows
from facilitator.store.errors import UnreadableDatabase

Value = TypeVar("Value")
_WRONG = (FacilitatorError, TypeError, ValueError, KeyError, AttributeError)


def damaged(path: Path, what: str, error: Exception) -> UnreadableDatabase:
    from facilitator.store.loader import newest_backup

    reason = str(error) if isinstance(error, FacilitatorError) else "it has the wrong shape"
    return UnreadableDatabase(
        path, f"{what} is damaged: {reason}; `facilitator doctor` lists every problem",
        newest_backup(path),
    )


def decode(path: Path, what: str, build: Callable[[object], Value], document: object) -> Value:
    """build(document), or UnreadableDatabase naming `what` (e.g. 'meeting 3')."""
    try:
        return build(document)
    except _WRONG as error:
        raise damaged(path, what, error) from None


def decode_records(path: Path, stored: list[tuple[str, dict]]) -> list[Record]:
    """Records from (document id, row) pairs; a damaged row is named by its id."""
    try:
        return records_from_rows([row for _, row in stored])
    except _WRONG:
        for doc_id, row in stored:
            decode(path, f"record {doc_id}", Record.from_dict, row)
        raise
