"""Random keys over the whole app, seeded: the meeting never crashes and never drifts from its
journal.

The keys are the ones the app binds (function keys, ctrl combinations, the queue's and the
chips' letters), digits, brackets and markup-like text, names in other scripts, Enter,
Escape, Tab and the arrows; between them the terminal is resized (40x12 to 160x48) and the
meeting clock moves on. Keys come in short bursts, as from a quick typist, and the app is
left to settle after each burst. After every few bursts, and at the end:

- the app is up and has recovered from no error (a recovered error is a bug it hid);
- no crash log was written;
- a meeting in progress equals its journal replayed the way a restart replays it.

A key that quits (ctrl+q, the palette's Quit) ends the app like a closed laptop: it is
started again on the same database, and goes on from whatever it offers (Resume...).

    python -m tests.tui.random_keys --seeds 1-50 --keys 3000    # the long run, by hand

The test suite runs a few seeds (tests/tui/test_random_keys.py). A failure names its seed
and the last keys pressed.
"""

import argparse
import asyncio
import random
import sys
import tempfile
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from facilitator.core.clock import FakeClock
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.store.crash_log import crash_log_path
from facilitator.store.database import Database
from facilitator.store.live_meeting import find_left_behind
from facilitator.store.paths import journal_path
from tests.conftest import FIXED_NOW
from tests.tui.hostile_text import MARKUP

# (weight, keys): the more a key matters in a meeting, the more often it is pressed.
KEYS = [
    (30, ["f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f12", "f24"]),
    (14, ["ctrl+r", "ctrl+n", "ctrl+e", "ctrl+b", "ctrl+z", "ctrl+y", "ctrl+g", "ctrl+t",
          "ctrl+s", "ctrl+d", "ctrl+f", "ctrl+l", "ctrl+up", "ctrl+down", "ctrl+p", "ctrl+c"]),
    (22, ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "home",
          "end", "pageup", "pagedown", "space", "backspace", "delete"]),
    (20, list("abcdefghijklmnopqrstuvwxyz")),
    (10, list("0123456789")),
    (6, list("[]/\\=@+-.:,;'\"<>!#%&*()_{}|~?")),
    (0.3, ["ctrl+q"]),
]
# Typed one character after another; markup-like text more often than the rest.
TYPED = [*MARKUP.values(), *MARKUP.values(), "Zoë", "דניאל", "🦊 Ann", "Zoe:[b]x[/b]",
         "12[/b]", "0000-01-01", "++5", "²", "2024-02-30", "31.50", "9" * 40, "tue,thu",
         "19:30"]
OPENERS = ["f8", "f2", "f4", "ctrl+t", "f9", "tab", "ctrl+f"]  # keys that open or reach a box
MOMENTS = [1, 5, 30, 61, 300, 1800]  # seconds the meeting clock moves on
TERMINAL = ((40, 160), (12, 48))
CHECK_EVERY = 25  # bursts

# A group with history, a format with a reading, and names that look like markup.
MEETINGS = [
    Meeting(name="Tuesday Night", share_minutes=3, duration_minutes=60,
            agenda=({"title": "Opening", "minutes": 2},
                    {"title": "Readings [b]", "minutes": 3, "reading": "preamble.txt"},
                    {"title": "Shares", "minutes": 50, "kind": "shares"},
                    {"title": "Closing", "minutes": 5, "note": "[link=x]hold hands[/]"})),
    Meeting(name="Night [@click=app.quit]", share_minutes=5),
]
RECORDS = [Record("Tuesday Night", date(2024, 1, 2) + timedelta(weeks=week), 10 + week % 7,
                  newcomers=week % 3, collection=1000 + week, note="[b]" if week % 5 else "")
           for week in range(9)]


@dataclass
class Run:
    """What a run did: keys pressed, the screens it reached, how often the app was started."""

    seed: int
    keys: int = 0
    starts: int = 0
    seen: set[str] = field(default_factory=set)
    upstream: set[str] = field(default_factory=set)  # errors inside Textual, recovered from
    last: deque = field(default_factory=lambda: deque(maxlen=40))


class RandomKeysFailed(AssertionError):
    pass


def prepare(folder: Path) -> Path:
    """A database with meetings, records and a reading file; returns its path."""
    db_path = folder / "facilitator.json"
    (folder / "readings").mkdir()
    (folder / "readings" / "preamble.txt").write_text(
        "Read the group's preamble here.\n[b]not markup[/b] [@click=app.quit]x[/]\n",
        encoding="utf-8")
    database = Database.open(db_path, writer=True)
    try:
        for meeting in MEETINGS:
            database.add_meeting(meeting)
        database.add_records(RECORDS)
    finally:
        database.close()
    return db_path


def choose_burst(rng: random.Random) -> list[tuple]:
    """One to ten events: keys, a typed text, a resize, time passing."""
    roll = rng.random()
    if roll < 0.03:
        return [("resize", rng.randint(*TERMINAL[0]), rng.randint(*TERMINAL[1]))]
    if roll < 0.07:
        return [("time", rng.choice(MOMENTS))]
    if roll < 0.22:  # a text typed into a box, often one just opened, often then sent
        opening = [rng.choice(OPENERS)] if rng.random() < 0.6 else []
        sending = ["enter"] if rng.random() < 0.5 else []
        return [("key", key) for key in [*opening, *rng.choice(TYPED), *sending]]
    weights = [weight for weight, _ in KEYS]
    return [("key", rng.choice(rng.choices(KEYS, weights)[0][1]))
            for _ in range(rng.randint(1, 10))]


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` (as Textual's Pilot builds it)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def live_meeting(app):
    for screen in app.screen_stack:
        if type(screen).__name__ == "MeetingScreen":
            return screen.live
    return None


def check(app, db_path: Path, run: "Run") -> None:
    """The app is up, hid no error of its own, and its meeting is what a restart would
    rebuild."""
    log = crash_log_path(db_path)
    reports = log.read_text().split("--- ")[1:] if log.exists() else []
    for report in reports:
        lines = report.splitlines()
        # An error inside Textual itself that the app recovered from is noted, not failed:
        # the guard did its job and the fix belongs upstream.
        assert "recovered" in lines[0] and lines[-1].startswith("  textual/"), report
        run.upstream.add(f"{lines[2]} at {lines[-1].strip()}, {lines[0].split(' in ', 1)[-1]}")
    assert len(app.recovered) <= len(reports)
    live = live_meeting(app)
    if live is not None and app.journal_path.exists():
        left = find_left_behind(app.journal_path)
        assert left is not None and left.skipped_actions == 0 and left.dropped_lines == 0
        assert left.history == live.history, "the journal replayed differs from the meeting"


def where(app) -> str:
    name = type(app.screen).__name__
    if name == "MeetingScreen":
        name += ":" + app.screen.query_one("#left-tabs").active
    return name


async def drive(seed: int, count: int, folder: Path) -> Run:
    """Press `count` random keys (seeded) from the start screen; raise on the first problem."""
    rng = random.Random(seed)
    clock = FakeClock(FIXED_NOW)
    db_path = prepare(folder)
    run = Run(seed)
    while run.keys < count:
        try:
            await one_start(run, count, rng, clock, db_path)
        except Exception as error:
            log = crash_log_path(db_path)
            raise RandomKeysFailed(
                f"seed {seed}, after {run.keys} keys (app start {run.starts}): "
                f"{type(error).__name__}: {error}\nlast keys: {list(run.last)}\n"
                + (log.read_text() if log.exists() else "")) from error
    return run


async def one_start(run: Run, count: int, rng: random.Random, clock: FakeClock,
                    db_path: Path) -> None:
    """Start the app on the database and press keys until `count` or a quit key."""
    from facilitator.tui.app import FacilitatorApp

    database = Database.open(db_path, writer=True)
    app = FacilitatorApp(database, clock, journal_path(db_path))
    run.starts += 1
    meetings = []  # each meeting run in this start: its journal is closed at the end
    try:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            bursts = 0
            while run.keys < count and not app._exit:
                for event in choose_burst(rng):
                    run.last.append(event if event[0] != "key" else event[1])
                    run.keys += 1
                    if event[0] == "key":
                        app.post_message(key_event(event[1]))
                    elif event[0] == "resize":
                        await pilot.resize_terminal(event[1], event[2])
                    else:
                        clock.advance(event[1])
                await pilot.pause()
                run.seen.add(where(app))
                live = live_meeting(app)
                if live is not None and live not in meetings:
                    meetings.append(live)
                bursts += 1
                if bursts % CHECK_EVERY == 0:
                    check(app, db_path, run)
            if not app._exit:
                check(app, db_path, run)
                app.exit()
            # The app finishes the keys already sent and stops itself, as in a terminal
            # (leaving the test harness would close its screens under those keys).
            await asyncio.wait_for(asyncio.shield(app._task), 30)
    finally:
        for live in meetings:
            live.journal.close()  # as the process ending would
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description="Random keys over the app, seeded.")
    parser.add_argument("--seeds", default="1-20", help="e.g. 7 or 1-50")
    parser.add_argument("--keys", type=int, default=3000, help="keys per seed")
    options = parser.parse_args()
    first, _, last = options.seeds.partition("-")
    failed = 0
    for seed in range(int(first), int(last or first) + 1):
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as folder:
            try:
                run = asyncio.run(drive(seed, options.keys, Path(folder)))
            except RandomKeysFailed as failure:
                failed += 1
                print(f"FAILED {failure}", flush=True)
                continue
        print(f"seed {seed}: {run.keys} keys, {run.starts} start(s), "
              f"{time.monotonic() - started:.0f} s, screens: {sorted(run.seen)}", flush=True)
        for error in sorted(run.upstream):
            print(f"  recovered from an error inside Textual: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
