"""A small ledger for the treasury screen's tests: three months before the fixed clock."""

from datetime import date

from facilitator.core.records.record import Record
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.core.treasury.entry import Entry

MEETING = Meeting(name="Tuesday Night", days=(1,))
PLAN = (("District", 40), ("Area", 30), ("GSO", 30))
ENTRIES = [
    Entry("opening", date(2023, 12, 1), 180000, memo="cash box and bank"),
    Entry("expense", date(2023, 12, 5), 30000, category="rent", memo="December rent"),
    Entry("expense", date(2024, 1, 5), 30000, category="rent"),
    Entry("expense", date(2024, 1, 20), 4500, category="chips and keytags"),
    Entry("income", date(2024, 2, 10), 2550, memo="[b]literature[/b] sale"),
    Entry("expense", date(2024, 2, 5), 30000, category="rent"),
    Entry("contribution", date(2024, 2, 28), 5000, to="District 12"),
]
RECORDS = [Record("Tuesday Night", date(2024, 1, 2) + (date(2024, 1, 9) - date(2024, 1, 2)) * n,
                  20, collection=6000 + 500 * n) for n in range(9)]


def fill(app) -> None:
    """The sample ledger, records and plan in the app's database."""
    database = app.database
    database.add_records(RECORDS)
    database.add_ledger_entries(ENTRIES)
    settings = GroupSettings(split_plan=PLAN)
    database.save_settings(settings)
    app.settings = settings
