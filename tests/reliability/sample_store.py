"""A small database with something in every table, and ways to compare its whole state."""

import json
from datetime import date, time
from pathlib import Path

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database

MEETINGS = [
    Meeting(name="Tuesday Night", days=(1,), start=time(19, 0), duration_minutes=60,
            types=("O", "D")),
    Meeting(name="Friday Step", days=(4,), share_minutes=3),
]
RECORDS = [
    Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=21, newcomers=2,
           visitors=1, online=4, shares=9, collection=3150, note="Rain."),
    Record(meeting="Tuesday Night", date=date(2024, 3, 12), attendance=18, chips={"30d": 1}),
    Record(meeting="Friday Step", date=date(2024, 3, 8), attendance=7, collection=900),
]
SETTINGS = GroupSettings(currency="CAD", date_order="dayfirst")
STOCK = {"30d": {"on_hand": 12, "reorder_at": 5}}


def fill(db_path: Path) -> Path:
    """Write MEETINGS, RECORDS, SETTINGS and STOCK to a new database (with backups)."""
    with Database.open(db_path) as database:
        for meeting in MEETINGS:
            database.add_meeting(meeting)
        database.save_settings(SETTINGS)
        database.save_stock(STOCK)
        for record in RECORDS:
            database.add_record(record)
    return db_path


def state(database: Database) -> tuple:
    """Everything a database holds, as values that compare equal when the content is."""
    return database.meetings(), database.records(), database.settings(), database.stock()


def companions(db_path: Path) -> dict[str, bytes]:
    """Every file in the data folder (but the lock) and its bytes."""
    return {path.name: path.read_bytes() for path in sorted(db_path.parent.iterdir())
            if path.is_file() and not path.name.endswith(".lock")}


# What an early prototype wrote through TinyDB's own JSONStorage: tables at the top level,
# no schema_version, the collection as a float of dollars, no currency.
VERSION_0 = {
    "_default": {},
    "meetings": {
        "1": {"name": "Tuesday Night", "days": [1], "start": "19:00", "share_minutes": 5},
        "2": {"name": "Friday Step", "days": [4], "start": None, "share_minutes": 3},
    },
    "records": {
        "1": {"meeting": "Tuesday Night", "date": "2023-05-02", "attendance": 14,
              "newcomers": 2, "collection": 12.5},
        "2": {"meeting": "Tuesday Night", "date": "2023-05-09", "attendance": 11,
              "collection": 0.29},
        "3": {"meeting": "Friday Step", "date": "2023-05-05", "attendance": 6, "collection": 7},
    },
}


def write_version_0(db_path: Path) -> bytes:
    """The version-0 sample, as TinyDB's JSONStorage would have written it; returns its bytes."""
    original = json.dumps(VERSION_0).encode()
    db_path.write_bytes(original)
    return original
