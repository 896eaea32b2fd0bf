"""Schema versions of the database file and the steps between them.

Version 0 is the plain TinyDB layout an early prototype wrote (tables at the top level,
the collection as a float of dollars). Version 1 wraps the tables with the version and
keeps money as integer cents. A new version adds one function to MIGRATIONS.
"""

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CURRENT_VERSION = 1


def detect_version(data: dict) -> int:
    version = data.get("schema_version", 0) if isinstance(data, dict) else 0
    return version if isinstance(version, int) and not isinstance(version, bool) else -1


def _dollars_to_cents(amount: object) -> object:
    """12.5 -> 1250, from the number's decimal text (0.29 * 100 is 28.999… as a float)."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return amount  # not a number: left for validation to report
    try:
        cents = Decimal(repr(amount)) * 100
    except InvalidOperation:
        return amount
    if not cents.is_finite() or abs(cents) > 10**15:
        return amount  # not an amount anyone collected: left for validation to report
    return int(cents.to_integral_value(rounding=ROUND_HALF_UP))


def _v0_to_v1(data: dict) -> dict:
    tables = {name: table for name, table in data.items() if name != "_default" or table}
    for document in tables.get("records", {}).values():
        if "collection" in document:
            document["collection"] = _dollars_to_cents(document["collection"])
    return {"schema_version": 1, "tables": tables}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1}


def migrate(data: dict) -> dict:
    """Bring a file's content up to CURRENT_VERSION, one step at a time."""
    version = detect_version(data)
    while version < CURRENT_VERSION:
        data = MIGRATIONS[version](data)
        version = detect_version(data)
    return data
