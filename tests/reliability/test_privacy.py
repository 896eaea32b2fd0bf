"""After a meeting ends or is discarded, no file in the data folder holds a name signed in."""

import json

import pytest
from textual import events
from textual.widgets import Input

from facilitator.core.schedule.meeting import Meeting

NAMES = ["Zephyrine", "Quillon", "Xochitl🌵", "דניאל", "Bartholomew"]
CORRECTED_AWAY = "Quilon"  # typed first, then corrected: the old spelling must go too
UNDONE = "Ottoline"  # signed in, then undone


def encodings(name: str) -> set[bytes]:
    """The ways a name could sit in a file: UTF-8, JSON-escaped, UTF-16, any case."""
    forms = {name, name.lower(), name.upper()}
    found = set()
    for form in forms:
        found.add(form.encode("utf-8"))
        found.add(json.dumps(form).strip('"').encode("ascii"))  # \\u05d3… escapes
        found.add(form.encode("utf-16-le"))
    return found


def files_holding(folder, name: str) -> list[str]:
    """Every file under `folder` (hidden ones too) holding the name in any form."""
    hits = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in encodings(name)):
                hits.append(path.name)
    return hits


async def run_meeting_with_names(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    name_box = screen.query_one("#name-input", Input)
    for index, name in enumerate([CORRECTED_AWAY, UNDONE] + NAMES[1:] + [NAMES[0]]):
        name_box.post_message(events.Paste(name))
        await pilot.pause()
        await pilot.press("f3" if index % 2 else "f2")
        if name == UNDONE:
            await pilot.press("ctrl+z")
    await pilot.pause()
    screen.query_one("#attendees").move_cursor(row=0)
    await pilot.press("f6")
    await pilot.pause()
    app.screen.query_one("#attendee-name", Input).value = "Quillon2"
    await pilot.press("ctrl+s", "f8", *"12.00", "enter")
    await pilot.pause()
    assert len(screen.live.session.attendees) == len(NAMES) + 1


@pytest.mark.parametrize("ending", ["save", "discard"])
async def test_no_name_is_left_in_the_data_folder(make_app, data_dir, journal_file, ending):
    app = make_app(meetings=[Meeting(name="Tuesday Night")])
    async with app.run_test(size=(80, 24)) as pilot:
        await run_meeting_with_names(app, pilot)
        # While the meeting runs the names are in the journal: the scan does find them.
        for name in NAMES + [CORRECTED_AWAY, UNDONE]:
            assert files_holding(data_dir, name) == [journal_file.name], name
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press(*(["ctrl+s"] if ending == "save" else ["ctrl+d", "y"]))
        await pilot.pause()
    app.database.close()
    files = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    assert journal_file.name not in files
    assert ("facilitator.json.bak" in files) == (ending == "save")
    for name in NAMES + [CORRECTED_AWAY, UNDONE, "Quillon2"]:
        assert files_holding(data_dir, name) == [], name
    records = app.database.records()
    assert [(r.attendance, r.newcomers, r.collection) for r in records] == (
        [(6, 2, 1200)] if ending == "save" else [])

