"""The app in Spanish (the group's setting): the start, meeting, summary, history and treasury
screens at 80x24 and 40x12, on the fixed clock. Spanish runs about a quarter longer than
English: these pictures are where a cut word would show."""

import pytest

from facilitator.core.settings import GroupSettings
from facilitator.store.language import speak_chosen
from tests.tui.test_snapshots_history import MEETINGS as HISTORY_MEETINGS
from tests.tui.test_snapshots_history import open_history, weekly_records
from tests.tui.test_snapshots_meeting import MEETINGS, sign_ins
from tests.tui.test_snapshots_treasury import open_treasury
from tests.tui.treasury_sample import MEETING as TREASURY_MEETING
from tests.tui.treasury_sample import fill

SIZES = [(80, 24), (40, 12)]
SPANISH = GroupSettings(language="es")


def in_spanish(app):
    """The group's settings as they are, with Spanish chosen."""
    settings = app.database.settings().edit(language="es")
    app.database.save_settings(settings)
    app.settings = settings
    return speaking(app)


def speaking(app):
    """The app in its group's language, chosen as `facilitator` does when it starts."""
    speak_chosen(None, app.database.settings().language)
    return app


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
class TestSpanish:
    def test_start(self, snap_compare, make_app, size):
        assert snap_compare(speaking(make_app(meetings=MEETINGS, settings=SPANISH)),
                            terminal_size=size)

    def test_meeting(self, snap_compare, make_app, clock, size):
        assert snap_compare(speaking(make_app(meetings=MEETINGS, settings=SPANISH)),
                            terminal_size=size, run_before=sign_ins(clock))

    def test_summary(self, snap_compare, make_app, clock, size):
        assert snap_compare(speaking(make_app(meetings=MEETINGS, settings=SPANISH)),
                            terminal_size=size, run_before=sign_ins(clock, quiet=True),
                            press=["f10"])

    def test_history(self, snap_compare, make_app, size):
        app = make_app(meetings=HISTORY_MEETINGS, settings=SPANISH)
        app.database.add_records(weekly_records())
        assert snap_compare(speaking(app), run_before=open_history, terminal_size=size)

    def test_treasury(self, snap_compare, make_app, size):
        app = make_app(meetings=[TREASURY_MEETING])
        fill(app)
        assert snap_compare(in_spanish(app), run_before=open_treasury, terminal_size=size)
