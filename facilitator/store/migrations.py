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
    if not cents.is_finite():
        return amount
    return int(cents.to_integral_value(rounding=ROUND_HALF_UP))


# Every field a version-1 record row has, with the value it takes when absent: rows are
# read as they are stored (`Database.record_rows()`), so each must have all of them.
_V1_RECORD_DEFAULTS = {
    "newcomers": 0, "visitors": 0, "online": 0, "shares": 0, "share_seconds": 0,
    "over_time": 0, "passes": 0, "chips": {}, "collection": 0, "currency": "USD",
    "start": None, "end": None, "note": "", "sections": {},
}


def _v0_to_v1(data: dict) -> dict:
    tables = {name: table for name, table in data.items() if name != "_default" or table}
    for document in tables.get("records", {}).values():
        if "collection" in document:
            document["collection"] = _dollars_to_cents(document["collection"])
        for name, default in _V1_RECORD_DEFAULTS.items():
            document.setdefault(name, dict(default) if isinstance(default, dict) else default)
    return {"schema_version": 1, "tables": tables}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1}


def migrate(data: dict) -> dict:
    """Bring a file's content up to CURRENT_VERSION, one step at a time."""
    version = detect_version(data)
    while version < CURRENT_VERSION:
        data = MIGRATIONS[version](data)
        version = detect_version(data)
    return data
