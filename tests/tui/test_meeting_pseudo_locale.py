"""The meeting screen in the pseudo-language: every word it draws went through the catalog.

The pseudo-language accents every translated letter and makes each message 40% longer, so a
word left in plain ASCII never went through `_()`, and a layout too tight for Spanish shows
here first.
"""

import re

import pytest

from facilitator.core.meeting.agenda_templates import template
from facilitator.core.meeting.hybrid import collected_text
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.widgets.chips_panel import ChipsPanel
from facilitator.tui.widgets.meeting_header import MeetingHeader
from facilitator.tui.widgets.steady_footer import SteadyFooter
from tests.pseudo_locale import pseudo, pseudo_language, untranslated_words

FORMAT = template("discussion")
MEETING = Meeting(name="Zorn Group", share_minutes=5, duration_minutes=60,
                  agenda=tuple(FORMAT.to_list()))
NAMES = ("Ann", "Bo")


def words(*texts: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", " ".join(texts)))


# Typed by the group, never translated: the meeting's name, the people's, the sections' own
# titles and notes (a format is the group's once saved).
DATA = words(MEETING.name, *NAMES, *(section.title for section in FORMAT.sections),
             *(section.note for section in FORMAT.sections if section.note))

# Labels that must show whole at each size: the counts (hidden by a short terminal) and the
# shares panel's.
SHOWN_WHOLE = {(80, 24): ("total", "newcomers", "visitors", "sharing", "waiting", "passes"),
               (40, 12): ("sharing",)}


def drawn_above_footer(app) -> str:
    """The screen's text as drawn, line by line, above the footer (which translates its own
    key descriptions where it draws them)."""
    update = app.screen._compositor.render_update(full=True)
    lines = ["".join(strip.text for strip in line) for line in update.strips]
    return "\n".join(lines[:app.screen.query_one(SteadyFooter).region.y])


def from_other_areas(screen) -> set[str]:
    """Words the screen shows that other code writes: the ladder's chip labels, the format's
    drift and the collection line. Computed in the pseudo-language, so once that code speaks
    through the catalog they add no ASCII word and the check covers them too."""
    session, now = screen.live.session, screen.live.now()
    ladder = screen.query_one(ChipsPanel).ladder
    from facilitator.core.meeting.agenda import drift_text

    return words(collected_text(session), drift_text(session.agenda.drift(now)),
                 ladder.title, *(milestone.title for milestone in ladder.milestones_through(50)))


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_every_word_of_the_meeting_screen_goes_through_the_catalog(
        make_app, start_meeting, size):
    app = make_app(meetings=[MEETING])
    with pseudo_language():
        async with app.run_test(size=size) as pilot:
            screen = await start_meeting(pilot, names=NAMES, queued=True)
            await pilot.press("n")  # Ann shares, Bo waits
            await pilot.pause()
            assert screen.live.session.timer is not None
            app.clear_notifications()
            allowed = DATA | from_other_areas(screen)
            for tab in ("tab-signin", "tab-agenda", "tab-chips"):
                screen.show_tab(tab)
                await pilot.pause()
                text = drawn_above_footer(app)
                assert untranslated_words(text, allowed) == [], (tab, text)
                for label in SHOWN_WHOLE[size]:  # not cut, nor pushed out of sight
                    assert pseudo(label) in text, (label, text)
                # At 80 columns the header's longer words still fit: it drops the date and
                # "running" before it would cut the time left. (At 40 the English with a
                # format and a length runs past the edge already.)
                header = screen.query_one(MeetingHeader)
                if size[0] >= 80:
                    assert header.render().cell_length <= header.content_size.width, text
