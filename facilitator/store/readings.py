"""The group's own reading files, shown in the agenda section that names them.

A section's `reading` is a path: relative ones are looked up in the `readings/` folder beside
the database, absolute ones (or `~/…`) are used as they are. Nothing here is shipped with the
app; a missing or unsuitable file gives a one-line message, never a crash.
"""

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import N_, _
from facilitator.store.named_paths import read_input

READINGS_FOLDER = "readings"
MAX_BYTES = 256 * 1024


class ReadingUnavailable(FacilitatorError):
    """A reading file that cannot be shown; the message says which and why."""


def readings_folder(db_path: Path) -> Path:
    return Path(db_path).parent / READINGS_FOLDER


def reading_path(reading: str, db_path: Path) -> Path:
    """Where a section's reading file is expected."""
    path = Path(reading).expanduser()
    return path if path.is_absolute() else readings_folder(db_path) / path


def load_reading(reading: str, db_path: Path) -> str:
    """The text of a reading file, safe to show (no control characters but newlines, tabs)."""
    path = reading_path(reading, db_path)
    try:
        data = read_input(path, N_("reading"), limit=MAX_BYTES, noun=N_("text file"),
                          missing=N_("does not exist; put your group's text there"))
    except ValidationError as error:
        raise ReadingUnavailable(str(error)) from None
    if b"\x00" in data:
        refused = ValidationError(N_("reading"), _("{path} is not a plain text "
                                                   "file").format(path=path))
        raise ReadingUnavailable(str(refused))
    return _printable(_decode(data))


def missing_readings(readings: Iterable[str | None], db_path: Path) -> list[Path]:
    """The reading files named but not found (to warn while a format is set up)."""
    paths = [reading_path(reading, db_path) for reading in readings if reading]
    return [path for path in paths if not path.is_file()]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Files saved by older Windows editors are often in this code page.
        return data.decode("cp1252", errors="replace")


def _printable(text: str) -> str:
    """Drop escape sequences' control characters so a file cannot drive the terminal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(char for char in text
                   if char in "\n\t" or unicodedata.category(char) != "Cc")
