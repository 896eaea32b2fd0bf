"""File names made from names people chose are ones Windows accepts, on every platform."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.file_names import NAME_LIMIT, file_name, is_portable
from facilitator.store.ladders import available, ladders_folder, load_ladder

REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("CON", "device"),
    ("con", "device"),
    ("Nul", "device"),
    ("aux", "device"),
    ("prn", "device"),
    ("COM1", "device"),
    ("com9", "device"),
    ("LPT1", "device"),
    ("lpt³", "device"),
    ("CONIN$", "device"),
    ("con.backup", "device"),  # Windows reads CON.anything as the console too
    ("nul ", "dot or a space"),
    ("Tuesday Night.", "dot or a space"),
    ("Tuesday Night ", "dot or a space"),
    ("Noon: Step Study", "cannot be in a file name"),
    ("a/b", "cannot be in a file name"),
    ("a\\b", "cannot be in a file name"),
    ('say "hi"', "cannot be in a file name"),
    ("what?", "cannot be in a file name"),
    ("all*", "cannot be in a file name"),
    ("<x>", "cannot be in a file name"),
    ("a|b", "cannot be in a file name"),
    ("tab\there", "cannot be in a file name"),
    ("esc\x1b[31m", "cannot be in a file name"),
    ("x" * NAME_LIMIT, "too long"),
]

ACCEPTED = ["Tuesday Night", "aa", "console", "com10", "lpt", "conference", "Zoë 🦊",
            "Sunday. Serenity", "nul-1", "Step Study (Big Book)"]


@pytest.mark.parametrize("name,reason", REFUSED)
def test_names_windows_refuses_are_refused_on_every_platform(name, reason):
    with pytest.raises(ValidationError) as caught:
        file_name("meeting", name, ".md")
    assert caught.value.field == "meeting" and reason in caught.value.reason
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value)
    assert not is_portable(name, ".md")


@pytest.mark.parametrize("name", ACCEPTED)
def test_ordinary_names_make_their_file_name(name):
    assert file_name("meeting", name, ".md") == name + ".md"
    assert is_portable(name, ".md")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_an_accepted_name_holds_nothing_windows_refuses(name):
    """Whatever is accepted: no reserved character, no trailing dot or space, no device."""
    try:
        made = file_name("meeting", name, ".txt")
    except ValidationError:
        return
    assert made == name + ".txt" and name.strip()
    assert not set(made) & set('<>:"/\\|?*') and all(ord(c) >= 32 and c != "\x7f" for c in made)
    assert made.split(".")[0].strip().upper() not in {"CON", "PRN", "AUX", "NUL"}


def test_a_ladder_named_like_a_device_is_refused_and_never_listed(db_path):
    folder = ladders_folder(db_path)
    folder.mkdir()
    (folder / "con.txt").write_text("30 days\n")
    (folder / "tuesday.txt").write_text("30 days\n")
    assert available(db_path) == ["aa", "na", "monthly", "tuesday"]
    with pytest.raises(ValidationError, match="Windows keeps for a device"):
        load_ladder("con", db_path)
    assert load_ladder("tuesday", db_path).name == "tuesday"
