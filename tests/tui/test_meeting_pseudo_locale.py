"""The meeting screen in the pseudo-language: every word it draws went through the catalog.

The pseudo-language accents every translated letter and makes each message 40% longer, so a
word left in plain ASCII never went through `_()`, and a layout too tight for Spanish shows
here first.
"""

import re
from datetime import date, datetime

import pytest
from babel.dates import get_month_names

from facilitator.core.i18n import _, locale
from facilitator.core.meeting.actions import SignInAndQueue
from facilitator.core.meeting.agenda import drift_text
from facilitator.core.meeting.agenda_templates import template
from facilitator.core.meeting.handlers import apply
from facilitator.core.meeting.hybrid import collected_text
from facilitator.core.meeting.session import start, start_action
from facilitator.core.records.history_view import Trend
from facilitator.core.records.record import Record
from facilitator.core.records.statistics import group, summarize
from facilitator.core.schedule.meeting import Meeting
from facilitator.tui.screens.meeting.form import MeetingFormScreen
from facilitator.tui.screens.meeting.summary import summary_lines
from facilitator.tui.widgets.chips_panel import ChipsPanel
from facilitator.tui.widgets.history_columns import PERIOD_COLUMNS, occurrence_columns
from facilitator.tui.widgets.history_summary import summary_text
from facilitator.core.calendar_words import weekday_abbrs
from facilitator.tui.widgets.meeting_header import MeetingHeader
from facilitator.tui.widgets.shares_panel import suggestion_text
from facilitator.tui.widgets.steady_footer import SteadyFooter
from facilitator.tui.widgets.trend_chart import trend_labels, trend_title
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


def locale_words() -> set[str]:
    """What the locale writes itself: its short weekday and month names, the currency."""
    months = get_month_names("abbreviated", locale=locale()).values()
    return words("USD US", *weekday_abbrs().values(), *months)


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
            allowed = DATA | from_other_areas(screen) | locale_words()
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


# -- the words built outside a screen: the summary, the history's figures and trend ----------

RECORDS = [Record(meeting="Zorn Group", date=date(2025, 3, day), attendance=10 + day,
                  newcomers=day % 3, visitors=1, online=2, shares=6, share_seconds=1800,
                  passes=1, over_time=2, chips={"30d": 1}, collection=3150,
                  collection_online=500, sections={"Qux": 300})
           for day in (3, 10, 17)]
BEFORE = [record._replace(date=record.date.replace(year=2024)) for record in RECORDS]


def history_texts() -> list[str]:
    summary = summarize(RECORDS, previous=BEFORE)
    trend = Trend("week", group(RECORDS, "week"))
    return [*summary_text(summary), trend_title(trend), *trend_labels(trend),
            trend_title(Trend("month")), *trend_labels(Trend("month")),
            *(_(label) for label, _width, _right in PERIOD_COLUMNS + occurrence_columns([]))]


@pytest.mark.parametrize("texts", [
    lambda: summary_lines(RECORDS[0], 3725),
    history_texts,
    lambda: [suggestion_text_for(1), suggestion_text_for(3)],
], ids=["summary", "history", "suggestion"])
def test_built_texts_go_through_the_catalog(texts):
    with pseudo_language():
        shown = "\n".join(texts())
        allowed = words("Zorn Group Qux") | locale_words()
        assert untranslated_words(shown, allowed) == [], shown


def test_the_summary_figures_line_up_after_the_longest_label():
    with pseudo_language():
        lines = summary_lines(RECORDS[0], 3725)[:9]
    longest = max(len(pseudo(label)) for label in ("Attendance", "Chips given", "Share time"))
    starts = {len(line) - len(line[longest:].lstrip()) for line in lines}
    assert starts == {longest + 2}, lines


def suggestion_text_for(waiting: int) -> str:
    """The suggestion line with `waiting` people queued, the meeting ending in an hour."""
    session = start(start_action(MEETING, date(2025, 3, 3), datetime(2025, 3, 3, 19), "USD"))
    for name in ("Ann", "Bo", "Cy")[:waiting]:
        session = apply(session, SignInAndQueue(name), 0.0)
    return suggestion_text(session, 0.0, 0)


def drawn_in(app, selector: str) -> str:
    """The text drawn inside the region of the first widget matching `selector`."""
    update = app.screen._compositor.render_update(full=True)
    lines = ["".join(strip.text for strip in line) for line in update.strips]
    region = app.screen.query_one(selector).region
    return "\n".join(line[region.x:region.right] for line in lines[region.y:region.bottom])


async def test_the_meeting_dialogs_go_through_the_catalog(make_app, start_meeting):
    app = make_app(meetings=[MEETING])
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            await start_meeting(pilot, names=NAMES)
            app.clear_notifications()
            for keys in (["f6"], ["f10"]):  # correct the last signed in; the summary
                await pilot.press(*keys)
                await pilot.pause()
                text = drawn_in(app, ".dialog")
                assert untranslated_words(text, DATA | locale_words()) == [], text
                await pilot.press("escape")
                await pilot.pause()
            app.push_screen(MeetingFormScreen())
            await pilot.pause()
            text = drawn_in(app, ".dialog")
            assert untranslated_words(text) == [], text
