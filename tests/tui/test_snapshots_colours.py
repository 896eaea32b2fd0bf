"""The meeting screen as a terminal with 256 colours and one under NO_COLOR show it.

Review the SVGs before accepting: every text stands apart from its background.
"""

import textual.constants

from tests.tui.test_snapshots_meeting import MEETINGS, sign_ins


class TestColourSnapshots:
    def test_meeting_under_no_color(self, snap_compare, make_app, clock, monkeypatch):
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24),
                            run_before=sign_ins(clock))

    def test_meeting_with_256_colours(self, snap_compare, make_app, clock, monkeypatch):
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "256")
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24),
                            run_before=sign_ins(clock))

    def test_meeting_with_16_colours(self, snap_compare, make_app, clock, monkeypatch):
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
        assert snap_compare(make_app(meetings=MEETINGS), terminal_size=(80, 24),
                            run_before=sign_ins(clock))
