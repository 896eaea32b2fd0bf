"""Where the database and its companions live (beside the real database file).

The paths a person names are resolved and checked in named_paths.py.
"""

from pathlib import Path

APP_NAME = "facilitator"
DB_ENV = "FACILITATOR_DB"


def default_db_path() -> Path:
    """`facilitator.json` in the user data folder of this platform."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "facilitator.json"


def journal_path(db_path: Path) -> Path:
    """The live journal of the meeting in progress sits beside the database."""
    return db_path.with_name(db_path.name + ".journal")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def backup_paths(db_path: Path, keep: int = 3) -> list[Path]:
    """The rotating backups, newest first: x.json.bak, x.json.bak.1, x.json.bak.2."""
    first = db_path.with_name(db_path.name + ".bak")
    return [first] + [first.with_name(f"{first.name}.{n}") for n in range(1, keep)]


def migration_backup_path(db_path: Path, version: int) -> Path:
    return db_path.with_name(f"{db_path.name}.v{version}.bak")
