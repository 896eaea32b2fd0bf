"""Several groups' JSON exports combined into one intergroup report.

Each group keeps its own meetings and totals; the report adds the groups' totals together
and, with a period, adds them per week, month or year. Occurrence exports can be grouped
into any period; a grouped export only into the same period (or months into years).
"""

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.records.export_json import FORMAT, VERSION, period_json, totals_from_json, totals_json
from facilitator.core.records.statistics import PERIODS, Totals, combine, period_bounds, period_of

MERGE_FORMAT = "facilitator-merge"


def merge_exports(sources: Sequence[tuple[str, object]], by: str | None = None) -> dict:
    """The intergroup report of `sources`: (file name, parsed JSON export) pairs."""
    if by is not None and by not in PERIODS:
        raise ValidationError(N_("by"), _("must be one of {names}").format(
            names=", ".join(PERIODS)))
    if not sources:
        raise ValidationError(N_("files"), _("name at least one JSON export to merge"))
    groups, everything, all_periods = [], [], {}
    days: list[str] = []
    for label, (name, document) in zip(_labels([name for name, _document in sources]), sources):
        document = _checked(document, name)
        meetings = [totals_from_json(entry, f"{name}, meetings[{i}]", _meeting_name(entry))
                    for i, entry in enumerate(document["meetings"])]
        group_totals = combine(meetings, label)
        everything.append(group_totals)
        entry = {
            "group": label, "source": name, "from": document.get("from"),
            "to": document.get("to"),
            "meetings": [{"meeting": m.label, **totals_json(m)} for m in meetings],
            "totals": totals_json(group_totals),
        }
        days += [day for day in (document.get("from"), document.get("to")) if day]
        if by is not None:
            periods = _periods(document, name, by)
            entry["rows"] = [period_json(t) for t in periods]
            for totals in periods:
                all_periods.setdefault(totals.label, []).append(totals)
        groups.append(entry)
    report = {
        "format": MERGE_FORMAT, "version": VERSION, "by": by or "total",
        "from": min(days) if days else None, "to": max(days) if days else None,
        "groups": groups,
    }
    if by is not None:
        report["rows"] = [period_json(combine(all_periods[p], p, *period_bounds(p, by)))
                          for p in sorted(all_periods)]
    report["totals"] = totals_json(combine(everything))
    return report


def _labels(names: list[str]) -> list[str]:
    """Each group is named after its file; a name used twice gets ' (2)'."""
    labels, used = [], set()
    for name in names:
        base = PurePath(name).name.removesuffix(".json") or name
        label, n = base, 1
        while label.casefold() in used:
            n += 1
            label = f"{base} ({n})"
        used.add(label.casefold())
        labels.append(label)
    return labels


def _checked(document: object, name: str) -> Mapping:
    if not isinstance(document, Mapping) or document.get("format") != FORMAT:
        raise ValidationError(name, _("is not a facilitator JSON export "
                                      "(make one with `facilitator export --format json`)"))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError(name, _("has no valid export version"))
    if version > VERSION:
        raise ValidationError(name, _("was written by a newer facilitator (export version "
                                      "{version}); update facilitator to merge it").format(
            version=version))
    for key in ("rows", "meetings"):
        if not isinstance(document.get(key), list):
            raise ValidationError(f"{name}, {key}", _("must be a list"))
    for key in ("from", "to"):
        value = document.get(key)
        if value is not None:
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError):
                raise ValidationError(f"{name}, {key}", _("{value} is not YYYY-MM-DD").format(
                    value=f"{value!r:.20}")) from None
    return document


def _meeting_name(entry: object) -> str:
    name = entry.get("meeting") if isinstance(entry, Mapping) else None
    return name.strip() if isinstance(name, str) and name.strip() else "?"


def _periods(document: Mapping, name: str, by: str) -> list[Totals]:
    """The group's rows added per period of `by`."""
    source = document.get("by")
    exact = source == "occurrence" or source == by or (source == "month" and by == "year")
    if not exact:
        raise ValidationError(name, _("is grouped by {source}, which cannot be regrouped by "
                                      "{by}; export it with --by occurrence or --by {by}").format(
            source=source, by=by))
    buckets: dict[str, list[Totals]] = {}
    for i, row in enumerate(document["rows"]):
        where = f"{name}, rows[{i}]"
        key = _row_period(row, source, by, where)
        buckets.setdefault(key, []).append(totals_from_json(row, where))
    return [combine(buckets[p], p, *period_bounds(p, by)) for p in sorted(buckets)]


def _row_period(row: object, source: str, by: str, where: str) -> str:
    field = "date" if source == "occurrence" else "period"
    value = row.get(field) if isinstance(row, Mapping) else None
    try:
        if source == "occurrence":
            return period_of(date.fromisoformat(value), by)
        start, _end = period_bounds(value, source)
        return period_of(start, by)
    except (TypeError, ValueError, AttributeError, IndexError):
        # Translators: {field} is "date" or "period", a column of the JSON export.
        raise ValidationError(f"{where}, {field}", _("{value} is not a {field} of this "
                                                     "export").format(value=f"{value!r:.20}",
                                                                      field=field)) from None
