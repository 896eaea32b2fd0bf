"""The JSON export: the same data as the CSV, chips by milestone, and the totals.

A document names its format and version so that `merge` can refuse anything else:
{"format": "facilitator-export", "version": 1, "by": ..., "from": ..., "to": ...,
 "rows": [...], "meetings": [...], "totals": {...}, "summary": {...}}
Money is written as text ("12.50") beside its currency, never as a float.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType

import orjson

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.money import parse_amount
from facilitator.core.records.record import COLUMNS, FIELDS
from facilitator.core.records.record_fields import cents_text
from facilitator.core.records.records import Records
from facilitator.core.records.report_tables import WEEKDAY_NAMES
from facilitator.core.records.statistics import (COUNTS, Summary, Totals, by_meeting, combine, group,
                                         milestone_order, summarize)

FORMAT = "facilitator-export"
VERSION = 1
GROUPINGS = ("occurrence", "week", "month", "year")


def dumps(document: Mapping) -> bytes:
    """Indented UTF-8 JSON with a final newline."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def export_document(rows: Records, by: str = "occurrence", start: date | None = None,
                    end: date | None = None, previous: Records | None = None) -> dict:
    """The whole export of `rows` (oldest first): one entry per occurrence or per period."""
    if by not in GROUPINGS:
        raise ValidationError(N_("by"), _("must be one of {names}").format(
            names=", ".join(GROUPINGS)))
    if by == "occurrence":
        summary = summarize(rows, start, end, previous)
        body = occurrence_json(rows)
    else:
        groups = group(rows, by)
        summary = summarize(rows, start, end, previous, totals=combine(groups))
        body = [period_json(totals) for totals in groups]
    return {
        "format": FORMAT,
        "version": VERSION,
        "by": by,
        "from": _iso(summary.totals.start),
        "to": _iso(summary.totals.end),
        "rows": body,
        "meetings": [{"meeting": t.label, **totals_json(t)} for t in by_meeting(rows)],
        "totals": totals_json(summary.totals),
        "summary": summary_json(summary),
    }


def occurrence_json(records: Records) -> list[dict]:
    """Each record as exported: counts, chips by milestone, collection as text."""
    columns = [FIELDS[name].export_column(records.column(name)) for name in COLUMNS]
    return [dict(zip(COLUMNS, values)) for values in zip(*columns)]


def totals_json(totals: Totals) -> dict:
    average = totals.average_attendance
    return {
        "meetings": totals.meetings,
        **{name: getattr(totals, name) for name in COUNTS},
        "average_attendance": None if average is None else round(average, 2),
        "chips": dict(totals.chips),
        "collection": {currency: cents_text(cents)
                       for currency, cents in totals.collection.items()},
    }


def period_json(totals: Totals) -> dict:
    return {"period": totals.label, "from": _iso(totals.start), "to": _iso(totals.end),
            **totals_json(totals)}


def summary_json(summary: Summary) -> dict:
    change = summary.year_before
    return {
        "median_attendance": summary.median_attendance,
        "lowest_attendance": summary.lowest_attendance,
        "highest_attendance": summary.highest_attendance,
        "average_by_weekday": {WEEKDAY_NAMES[day]: round(value, 2)
                               for day, value in summary.by_weekday.items()},
        "year_before": None if change is None else {
            "from": change.start.isoformat(), "to": change.end.isoformat(),
            "meetings": change.meetings, "attendance": change.attendance,
            "newcomers": change.newcomers,
            "average_attendance": _round(change.average_attendance),
            "average_change": _round(change.average_change),
            "average_change_percent": _round(change.average_change_percent),
            "newcomers_change": change.newcomers_change,
        },
    }


def totals_from_json(data: object, where: str, label: str = "") -> Totals:
    """Totals read back from a period, meeting or occurrence entry; checks every value.

    An occurrence (it has a "date") counts as one meeting held.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(where, _("must be an object"))
    occurrence = "date" in data
    counts = {name: validate.count(f"{where}, {name}", data.get(name, 0), maximum=10**12)
              for name in COUNTS}
    meetings = 1 if occurrence else validate.count(f"{where}, meetings", data.get("meetings", 0),
                                                   maximum=10**12)
    chips = _counts(data.get("chips") or {}, f"{where}, chips")
    raw = data.get("collection") or ({} if not occurrence else "0")
    if occurrence:
        currency = validate.text(f"{where}, currency", data.get("currency") or "USD", maximum=3)
        raw = {currency.upper(): raw}
    if not isinstance(raw, Mapping):
        raise ValidationError(f"{where}, collection", _("must map currencies to amounts"))
    collection = {}
    for currency, amount in raw.items():
        if not isinstance(amount, str):
            raise ValidationError(f"{where}, collection", _(
                "{amount} is not an amount written as text, e.g. \"12.50\"").format(
                amount=f"{amount!r:.20}"))
        cents = parse_amount(amount, f"{where}, collection")
        if cents:
            collection[str(currency).upper()] = cents
    return Totals(label, None, None, meetings, **counts,
                  chips=MappingProxyType(dict(sorted(chips.items(),
                                                     key=lambda i: milestone_order(i[0])))),
                  collection=MappingProxyType(collection))


def _counts(value: object, where: str) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise ValidationError(where, _("must map milestones to counts"))
    return {str(key): validate.count(f"{where} {key}", number, maximum=10**12)
            for key, number in value.items()}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
