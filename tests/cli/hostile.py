"""What the hostile-input tests share: the corpus, a group's files, and the promises checked
after every command (one line on stderr, nothing raw printed, nothing written on a refusal)."""

import hashlib
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import orjson
import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.text_out import BIDI_CONTROLS
from facilitator.store.database import Database

# One value per class of hostile input.
CORPUS = {
    "OSC title escape": "O,\x1b]0;X\x07",
    "CSI clear screen": "\x1b[2J\x1b[31mred",
    "C1 CSI": "5\x9b31m",
    "DEL": "5\x7f",
    "NUL-free C0": "a\x08\x0bb",
    "newline": "Tuesday\nNight",
    "right-to-left override": "abc\u202edef",
    "bidi isolate": "\u2067abc\u2069",
    "not UTF-8 (surrogates)": "caf\udce9\udcff",
    "huge": "x" * 200_000,
    "++5": "++5",
    "superscript two": "²",
    "full-width digits": "１２",
    "Arabic-Indic digits": "٣",
    "5,000 digits": "9" * 5000,
    "year 0": "0000-01-01",
    "year 1": "0001-01-01",
    "month 13": "2025-13-01",
    "date and time": "2024-03-05T19:00",
    "1e308": "1e308",
    "NaN": "NaN",
    "negative": "-5",
    "markup": "![x](http://evil.example/p.png)<script>*x*</script>",
    "formula": "=HYPERLINK(\"http://evil.example\")",
}

MEETING = "Tuesday Night"
RECORD_DAY = date(2024, 3, 5)


def make_group(db_path: Path, folder: Path) -> dict[str, Path]:
    """Two meetings and a record in db_path; valid input files in `folder` for the commands
    that read one (a CSV to import, a Meeting Guide feed, a JSON export to merge)."""
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name=MEETING, days=(1,)))
        database.add_meeting(Meeting(name="Friday Step"))
        database.add_record(Record(meeting=MEETING, date=RECORD_DAY, attendance=12,
                                   newcomers=2, note="Hall B"))
    folder.mkdir(exist_ok=True)
    csv = folder / "paper.csv"
    csv.write_text("date,meeting,attendance\r\n2024-02-27,Tuesday Night,9\r\n", encoding="utf-8")
    feed = folder / "feed.json"
    feed.write_bytes(orjson.dumps([{"name": "Sunday Serenity", "slug": "sunday-serenity",
                                    "day": 0, "time": "10:00", "types": ["O"]}]))
    export = folder / "group.json"
    from facilitator.cli import main

    assert main(["--db", str(db_path), "export", "--format", "json", "-o", str(export)]) == 0
    return {"csv": csv, "feed": feed, "export": export}


def copy_group(template: Path, db_path: Path, folder: Path, *,
               replace: bool = False) -> None:
    """A fresh copy of a group that make_group wrote into template / "data" and "input"."""
    if replace:
        shutil.rmtree(db_path.parent)
        shutil.rmtree(folder)
    shutil.copytree(template / "data", db_path.parent, dirs_exist_ok=True)
    shutil.copytree(template / "input", folder)


@pytest.fixture(scope="module")
def group_template(tmp_path_factory) -> Path:
    """The group made once per test module; each test gets a copy (see `group`)."""
    folder = tmp_path_factory.mktemp("group")
    (folder / "data").mkdir(mode=0o700)
    make_group(folder / "data" / "facilitator.json", folder / "input")
    return folder


@pytest.fixture
def group(group_template: Path, db_path: Path, tmp_path: Path, monkeypatch, capsys) -> Path:
    """A copy of the group; its files in tmp_path / "input"; commands run in tmp_path.

    Returns the data folder, whose files every refusal must leave as they were.
    """
    import tempfile

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # `demo` makes its folder here
    copy_group(group_template, db_path, tmp_path / "input")
    capsys.readouterr()  # what making the template printed
    return db_path.parent


def input_files(group: Path) -> dict[str, Path]:
    """The valid input files of a `group` fixture."""
    folder = group.parent / "input"
    return {"csv": folder / "paper.csv", "feed": folder / "feed.json",
            "export": folder / "group.json"}


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file in the data folder (the lock file is empty and left out)."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())
            if path.is_file() and not path.name.endswith(".lock")}


def raw_controls(text: str, allowed: str = "\n") -> list[str]:
    """Characters a terminal would act on (or that reorder the text after them)."""
    return [char for char in text if char not in allowed and (
        unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS)]


def check_promises(result: tuple[int, str, str], before: dict, after: dict) -> None:
    """Exit 0-3; an error is one escaped line and leaves every file as it was."""
    code, out, err = result
    assert code in (0, 1, 2, 3), result
    assert "Traceback" not in err
    assert raw_controls(err) == [], err[:300]
    assert raw_controls(out, "\n\r\t") == [], out[:300]
    if code != 0:
        assert err.endswith("\n") and err.count("\n") == 1, err[:600]
        assert err.startswith("facilitator"), err[:300]
        assert len(err) < 1000, err[:300]
        assert after == before
