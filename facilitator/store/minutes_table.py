"""The minutes table: one document per business meeting (meeting and date), beside its record.

Counts and the group's text only (core/business/minutes.py); checked when read like every
table (store/checked_tables.py). Mixed into `Database`, whose writes it uses.
"""

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _

if TYPE_CHECKING:  # the minutes' code loads with the table (checked_tables), not at start-up
    from facilitator.core.business.minutes import Minutes

TABLE = "minutes"


class MinutesTable:
    """`Database`'s minutes: read, saved (one meeting's, or many in one write), renamed."""

    def minutes(self, meeting: str | None = None, start: date | None = None,
                end: date | None = None) -> "list[Minutes]":
        """Minutes oldest first, of one meeting (any case) and within inclusive dates."""
        key = meeting.strip().casefold() if meeting else None
        chosen = [m for m in self._table(TABLE).values
                  if (key is None or m.key[0] == key) and (start is None or m.date >= start)
                  and (end is None or m.date <= end)]
        return sorted(chosen, key=lambda m: (m.date, m.meeting.casefold()))

    def find_minutes(self, meeting: str, day: date) -> "Minutes | None":
        return self._minutes_by_key().get((meeting.strip().casefold(), day.isoformat()),
                                          (None, None))[1]

    def save_minutes(self, minutes: "Minutes") -> None:
        """Save one meeting's minutes, in place of any it had for that date."""
        self.add_minutes([minutes], replace=True)

    def add_minutes(self, entries: "list[Minutes]", *, replace: bool = False) -> None:
        """Save several meetings' minutes in one write: all of them or none. Each meeting
        must exist; minutes already there for a meeting and date are refused unless
        `replace`."""
        existing = self._minutes_by_key()
        seen: set = set()
        spelled = []
        for entry in entries:
            name = self.get_meeting(entry.meeting).name
            if entry.key in seen:
                raise ValidationError(N_("date"), _("minutes of {meeting} on {date} appear "
                                                    "twice").format(meeting=repr(entry.meeting),
                                                                    date=entry.date.isoformat()))
            seen.add(entry.key)
            if entry.key in existing and not replace:
                raise ValidationError(N_("date"), _("{meeting} already has minutes for {date}; "
                                                    "add --replace to overwrite them").format(
                    meeting=repr(name), date=entry.date.isoformat()))
            spelled.append(entry if entry.meeting == name else _renamed(entry, name))

        def change() -> None:
            table = self._db.table(TABLE)
            replaced = [int(existing[m.key][0]) for m in spelled if m.key in existing]
            if replaced:
                table.remove(doc_ids=replaced)
            table.insert_multiple(m.to_dict() for m in spelled)

        self._write(change, backup=True)

    def _put_minutes(self, minutes: "Minutes", name: str) -> None:
        """Inside a write that saves a meeting's record: its minutes, in place of any."""
        existing = self._minutes_by_key().get(minutes.key)
        table = self._db.table(TABLE)
        if existing is not None:
            table.remove(doc_ids=[int(existing[0])])
        spelled = minutes if minutes.meeting == name else _renamed(minutes, name)
        table.insert(spelled.to_dict())

    def _minutes_by_key(self) -> "dict[tuple[str, str], tuple[str, Minutes]]":
        checked = self._table(TABLE)
        return {m.key: (doc_id, m) for doc_id, m in zip(checked.ids, checked.values)}

    def _rename_minutes(self, old_key: str, name: str) -> None:
        """Inside a write that renames a meeting: its minutes follow it."""
        ids = [int(doc_id) for (meeting, _day), (doc_id, _stored) in self._minutes_by_key().items()
               if meeting == old_key]
        if ids:
            self._db.table(TABLE).update({"meeting": name}, doc_ids=ids)

    def _remove_minutes(self, meeting_key: str) -> int:
        """Inside a write that removes a meeting with its records: its minutes go too."""
        ids = [int(doc_id) for (meeting, _day), (doc_id, _stored) in self._minutes_by_key().items()
               if meeting == meeting_key]
        if ids:
            self._db.table(TABLE).remove(doc_ids=ids)
        return len(ids)


def _renamed(minutes: "Minutes", name: str) -> "Minutes":
    return replace(minutes, meeting=name)
