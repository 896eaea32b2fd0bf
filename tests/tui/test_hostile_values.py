"""Every input box of every screen, given the hostile values of "Trust at every boundary"
and text that looks like Textual markup.

Each refused value: one line naming the field (the form's error line, or a notice), nothing
written to the database or the journal, the app still up with no error recovered from; a
value that looks like markup is quoted literally. The values are pasted, as a person would:
a box that cut them would hide the problem. (Free text that is kept, markup and all, is
checked where it is shown: test_markup_shown_literally.)
"""

import hashlib
from datetime import date

from textual import events
from textual.widgets import Input, Static

from facilitator.core.schedule.meeting import Meeting
from facilitator.core.names import clean_name
from facilitator.core.records.record import Record
from facilitator.tui.screens.chips.calculator import ChipCalculatorScreen
from facilitator.tui.screens.meeting.edit_attendee import EditAttendeeScreen
from facilitator.tui.screens.format_editor import FormatEditorScreen
from facilitator.tui.screens.history.screen import HistoryScreen
from facilitator.tui.screens.meeting.screen import MeetingScreen
from facilitator.tui.screens.meeting.form import MeetingFormScreen
from facilitator.tui.screens.history.record_editor import RecordEditorScreen
from facilitator.tui.screens.settings import SettingsScreen
from tests.tui.hostile_text import HOSTILE, MARKUP, paste

ALL = [*HOSTILE, *MARKUP]
# In a box for free text the dates, signs and brackets are text like any other.
TEXT = ["5,000 digits", "escape sequence", "bidi override"]
VALUES = {**HOSTILE, **MARKUP}

MEETING = Meeting(name="Tuesday Night", agenda=({"title": "Opening", "minutes": 5},))
RECORD = Record("Tuesday Night", date(2024, 3, 5), 20, newcomers=2, note="quiet night")


def stored(app) -> str:
    """The database and the journal, byte for byte."""
    path = app.database.path
    digest = hashlib.sha256(path.read_bytes() if path.exists() else b"")
    if app.journal_path.exists():
        digest.update(app.journal_path.read_bytes())
    return digest.hexdigest()


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def pasted_rounds(boxes: dict[str, tuple[str, list[str]]]) -> set[tuple[str, str]]:
    """Which (box, value) are pasted and sent with the key: each value once, the boxes taken
    in turn, and every box at least once."""
    rounds, ids = set(), list(boxes)
    for turn, name in enumerate(ALL):
        holding = [box_id for box_id in ids if name in boxes[box_id][1]]
        if holding:
            rounds.add((holding[turn % len(holding)], name))
    for box_id in ids:
        if not any(box == box_id for box, _ in rounds):
            rounds.add((box_id, boxes[box_id][1][0]))
    return rounds


async def paste_into_every_box(pilot, screen, boxes: dict[str, tuple[str, list[str]]]) -> None:
    """Each value, pasted into all the boxes that take it at once: no box cuts or changes it."""
    for name in ALL:
        holding = [screen.query_one(f"#{box_id}", Input) for box_id, (_, names) in boxes.items()
                   if name in names]
        for box in holding:
            box.value = ""
            box.post_message(events.Paste(VALUES[name]))
        await pilot.pause()
        assert [box.value for box in holding] == [VALUES[name]] * len(holding), name


async def refuse_each(pilot, screen, boxes: dict[str, tuple[str, list[str]]], *, submit: str,
                      error_line: str | None, fill=None, send=None) -> int:
    """Each value in each box, sent: refused by name, nothing stored.

    With `send` (the screen's own method the key runs), each value is pasted into every box
    first, then one round per value is pasted and sent with the key and the others are put in
    the box and sent through `send`, the same check of the same form, without a redraw between
    them. Without it, every round is pasted and sent with the key."""
    app = pilot.app
    if send is not None:
        await paste_into_every_box(pilot, screen, boxes)
        pasted = pasted_rounds(boxes)
    checked = 0
    for box_id, (field, names) in boxes.items():
        for name in names:
            if fill:
                fill(screen)
            before = stored(app)
            app.clear_notifications()
            if error_line:  # a round that shows nothing cannot pass on the line before it
                screen.query_one(error_line, Static).update("")
            box = screen.query_one(f"#{box_id}", Input)
            if send is None or (box_id, name) in pasted:
                await paste(pilot, box, VALUES[name])
                assert box.value == VALUES[name], (box_id, name)
                await pilot.press(submit)  # waits until the app is idle again
            else:
                box.value = VALUES[name]
                send()
            case = (box_id, name)
            assert app.is_running and app.screen is screen and app.recovered == [], case
            message = (shown(screen, error_line) if error_line
                       else list(app._notifications)[-1].message)
            assert message.startswith(f"{field}: ") and "\n" not in message, (case, message)
            assert "\x1b" not in message and "\u202e" not in message, case
            if name in MARKUP and "characters long" not in message:  # quoted, never read
                typed = MARKUP[name]
                assert any(form in message for form in (typed, repr(typed)[1:-1],
                                                         typed.upper(), typed.lower())), case
            assert stored(app) == before, case
            checked += 1
    return checked


async def test_the_meeting_form(make_app):
    app = make_app()
    boxes = {"name": ("name", TEXT), "share-minutes": ("share minutes", ALL),
             "days": ("day", ALL), "time": ("time", ALL), "duration": ("duration", ALL)}

    def fill(screen):
        for box_id, value in {"name": "Hostile Night", "share-minutes": "5", "days": "",
                              "time": "", "duration": ""}.items():
            screen.query_one(f"#{box_id}", Input).value = value

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingFormScreen)  # the first run
        assert await refuse_each(pilot, screen, boxes, submit="ctrl+s", error_line="#form-error",
                                 fill=fill, send=screen.action_save) == 63
    assert app.database.meetings() == []


async def test_the_settings(make_app):
    app = make_app(meetings=[MEETING])
    group = {"currency": "USD", "ladder": "aa", "warning-seconds": "60", "closing-reserve": "10"}
    boxes = {"currency": ("currency", ALL), "ladder": ("ladder", TEXT),
             "warning-seconds": ("warning seconds", ALL),
             "closing-reserve": ("closing reserve", ALL), "meeting-name": ("name", TEXT),
             "meeting-share": ("share minutes", ALL), "meeting-days": ("day", ALL),
             "meeting-time": ("time", ALL), "meeting-duration": ("duration", ALL),
             "meeting-types": ("types", ALL)}

    def fill(screen):
        screen.show_meeting(MEETING.key)
        for box_id, value in group.items():
            screen.query_one(f"#{box_id}", Input).value = value

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert await refuse_each(pilot, screen, boxes, submit="ctrl+s",
                                 error_line="#settings-error", fill=fill,
                                 send=screen.action_save) == 126


async def test_the_collection_and_the_names_in_a_meeting(make_app, journal_file):
    """The amount is refused; a name is kept cleaned (a name is never refused)."""
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("f8")
        assert await refuse_each(pilot, screen, {"collection-input": ("collection", ALL)},
                                 submit="enter", error_line=None) == 15
        assert screen.live.session.collection == 0
        for value in HOSTILE.values():
            await paste(pilot, screen.query_one("#name-input", Input), value)
            await pilot.press("f2")
            await pilot.pause()
            assert screen.live.session.attendees[-1].name == clean_name(value)
        await pilot.press("f6")  # the correction dialog: cleaned the same way
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditAttendeeScreen)
        await paste(pilot, dialog.query_one("#attendee-name", Input), "\u202eAl\x1b[2J")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.live.session.attendees[-1].name == "Al[2J"
        assert app.is_running and app.recovered == []


async def test_the_record_editor_and_the_history_filters(make_app):
    app = make_app(meetings=[MEETING])
    app.database.add_record(RECORD)
    counts = {name: (name, ALL) for name in
              ("attendance", "newcomers", "visitors", "online", "shares")}
    boxes = {"record-date": ("date", ALL), **{f"record-{n}": f for n, f in counts.items()},
             "record-collection": ("collection", ALL), "record-note": ("note", TEXT)}

    def fill(screen):
        for name, value in {"date": "2024-03-05", "attendance": "20", "newcomers": "2",
                            "visitors": "0", "online": "0", "shares": "0",
                            "collection": "0.00", "note": "quiet night"}.items():
            screen.query_one(f"#record-{name}", Input).value = value

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, RecordEditorScreen)
        assert await refuse_each(pilot, editor, boxes, submit="ctrl+s",
                                 error_line="#record-error", fill=fill,
                                 send=editor.action_save) == 108
        await pilot.press("escape")
        await pilot.pause()
        filters = {"history-from": ("from", ALL), "history-to": ("to", ALL)}

        def clear(screen):
            for box_id in filters:
                screen.query_one(f"#{box_id}", Input).value = ""

        assert await refuse_each(pilot, history, filters, submit="enter",
                                 error_line="#history-error", fill=clear,
                                 send=history.dates_typed) == 30
        assert (history.choice.start, history.choice.end) == (None, None)
    assert app.database.records() == [RECORD]


async def test_the_chip_calculator(make_app):
    app = make_app(meetings=[MEETING])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChipCalculatorScreen)
        assert await refuse_each(pilot, screen, {"sober-date": ("sober date", ALL)},
                                 submit="enter", error_line="#calculator-error") == 15
        assert shown(screen, "#calculator-result") == ""


async def test_the_format_editor(make_app):
    """A refused section field blocks saving: ctrl+s names it again, nothing is stored."""
    app = make_app(meetings=[MEETING])
    boxes = {"section-title": ("section 1 title", TEXT),
             "section-minutes": ("section 1 minutes", ALL),
             "section-reading": ("section 1 reading", TEXT),
             "section-note": ("section 1 note", TEXT)}

    def fill(screen):
        for box_id, value in {"section-title": "Opening", "section-minutes": "5",
                              "section-reading": "", "section-note": ""}.items():
            screen.query_one(f"#{box_id}", Input).value = value

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(FormatEditorScreen(app.database.meetings()[0]))
        await pilot.pause()
        screen = app.screen

        def typed_then_saved():
            screen.apply_fields()  # what the box's Input.Changed runs
            screen.action_save()  # what ctrl+s runs

        assert await refuse_each(pilot, screen, boxes, submit="ctrl+s",
                                 error_line="#format-error", fill=fill,
                                 send=typed_then_saved) == 24
    assert app.database.meetings()[0].agenda == MEETING.agenda
