"""Shared fixtures: a clock that moves only when told, a fresh database path, an app factory.

    def test_x(make_app, clock, db_path):
        app = make_app(meetings=[Meeting(name="Tuesday Night")])
        async with app.run_test(size=(80, 24)) as pilot: ...
        clock.advance(60)                       # one minute passes in the room

`make_app` opens the database as the app would (writer, lock held) and closes it after the
test; `app.database` is that same Database, so a test can read back what was stored.
"""

import gettext
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import textual.constants as textual_constants
from hypothesis import settings

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import ENGLISH, use_language
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.settings import GroupSettings
from facilitator.store.database import Database
from facilitator.store.paths import journal_path

# The app draws in the colours the terminal has (TERM=xterm: 16); tests draw as a 24-bit
# terminal, whatever runs them, unless a test sets fewer (test_colours, its snapshots).
# The variable is for the apps tests start as processes; Textual read it when a plugin first
# imported it, so the apps in this process are told through the constant it was read into.
os.environ["TEXTUAL_COLOR_SYSTEM"] = "truecolor"
textual_constants.COLOR_SYSTEM = "truecolor"

# The words are English unless a test chooses another language, whatever the machine's own
# (the apps tests start as processes read it from here too).
os.environ["LANGUAGE"] = "en"

# Speed is measured in benchmarks/, never asserted in a test: an example that is slow because
# the machine is busy is not a failure (Hypothesis's default 200 ms deadline made it one).
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


def pytest_xdist_auto_num_workers(config) -> int:
    """What `-n auto` starts: two workers per core the tests may use, at most 16 (each holds
    an app and its database, about 200 MB). A TUI test spends much of its time waiting on
    Textual's timers and the pilot's pauses (a worker kept 40-70 % of a core busy), so one
    worker per core left the cores idle: on two cores the suite took 311 s instead of 406."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(2 * (cores or 1), 16)


# A Tuesday evening, so snapshots and schedules never depend on the day the tests run.
FIXED_NOW = datetime(2024, 3, 5, 19, 0, 0)


@pytest.fixture
def clock() -> FakeClock:
    """Wall time FIXED_NOW; moves only with clock.advance(seconds)."""
    return FakeClock(FIXED_NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder: holds the database and all its companions, nothing else."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "facilitator.json"


@pytest.fixture
def journal_file(db_path: Path) -> Path:
    """Where the live journal of the meeting in progress is kept."""
    return journal_path(db_path)


@pytest.fixture
def make_app(clock: FakeClock, db_path: Path) -> Iterator[Callable[..., "FacilitatorApp"]]:
    """Build a FacilitatorApp on the test database; optionally with meetings and settings."""
    from facilitator.tui.app import FacilitatorApp

    opened: list[Database] = []

    def build(meetings: Iterable[Meeting] = (), settings: GroupSettings | None = None):
        database = Database.open(db_path, writer=True)
        opened.append(database)
        for meeting in meetings:
            database.add_meeting(meeting)
        if settings is not None:
            database.save_settings(settings)
        app = FacilitatorApp(database, clock, journal_path(db_path))
        # Textual expires notices on the wall clock (5 s): on a loaded machine a test could
        # read the list after its notice is gone. Here they stay until the test reads them.
        app.NOTIFICATION_TIMEOUT = 3600
        return app

    yield build
    for database in opened:
        database.close()


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that speaks another language leaves the next one speaking English."""
    yield
    use_language(gettext.NullTranslations(), ENGLISH)
