"""Reading files of the group's own: where they are found, what is shown, clear refusals."""

import pytest

from facilitator.core.errors import FacilitatorError
from facilitator.store.readings import (
    MAX_BYTES, ReadingUnavailable, load_reading, missing_readings, reading_path,
)


@pytest.fixture
def readings(db_path):
    """The readings folder beside the test database."""
    folder = db_path.parent / "readings"
    folder.mkdir()
    return folder


def test_relative_paths_are_in_the_readings_folder_beside_the_database(db_path, readings):
    (readings / "preamble.txt").write_text("Read your group's preamble here.\n")
    assert reading_path("preamble.txt", db_path) == readings / "preamble.txt"
    assert load_reading("preamble.txt", db_path) == "Read your group's preamble here.\n"


def test_absolute_paths_are_used_as_given(db_path, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("Our own words.")
    assert load_reading(str(elsewhere), db_path) == "Our own words."


@pytest.mark.parametrize("content, shown", [
    (b"line one\r\nline two\r\n", "line one\nline two\n"),
    (b"\xef\xbb\xbfWith a byte order mark", "With a byte order mark"),
    (b"caf\xe9 in cp1252", "café in cp1252"),
    (b"no \x1b[2Jclearing\x07 the screen\tok", "no [2Jclearing the screen\tok"),
    ("Unicode ✓ שלום".encode(), "Unicode ✓ שלום"),
])
def test_text_is_decoded_and_made_safe_to_show(db_path, readings, content, shown):
    (readings / "r.txt").write_bytes(content)
    assert load_reading("r.txt", db_path) == shown


@pytest.mark.parametrize("setup, message", [
    (lambda folder: None, "does not exist; put your group's text there"),
    (lambda folder: (folder / "r.txt").mkdir(), "is a folder, not a text file"),
    (lambda folder: (folder / "r.txt").write_bytes(b"x" * (MAX_BYTES + 1)), "is larger than 256 KB"),
    (lambda folder: (folder / "r.txt").write_bytes(b"%PDF\x00\x01"), "is not a plain text file"),
])
def test_unsuitable_files_give_one_clear_line(db_path, readings, setup, message):
    setup(readings)
    with pytest.raises(ReadingUnavailable) as caught:
        load_reading("r.txt", db_path)
    assert isinstance(caught.value, FacilitatorError)
    assert str(caught.value).startswith(f"reading: {readings / 'r.txt'} ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_file_at_the_size_limit_is_read(db_path, readings):
    (readings / "r.txt").write_bytes(b"a" * MAX_BYTES)
    assert len(load_reading("r.txt", db_path)) == MAX_BYTES


def test_missing_readings(db_path, readings):
    (readings / "here.txt").write_text("x")
    assert missing_readings(["here.txt", None, "gone.txt"], db_path) == [
        readings / "gone.txt"]
