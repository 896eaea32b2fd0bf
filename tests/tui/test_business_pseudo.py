"""The treasury screen and the Business tab in the pseudo-language: every word the program
draws there went through the catalog; only the data typed (amounts, names, memos, the
meeting's own words) and key names are left as they are.

The footer's binding words are marked here (N_) and drawn by the footer, which translates
them in its own place: the footer row is left out of these scans."""

from tests.pseudo_locale import pseudo_language, untranslated_words
from tests.tui.test_business_floor import BUSINESS, PEOPLE, move, open_floor
from tests.tui.treasury_sample import MEETING, fill

from facilitator.tui.screens.meeting.business_forms import VoteForm
from facilitator.tui.screens.treasury.entry_form import EntryFormScreen
from facilitator.tui.screens.treasury.plan_form import PlanFormScreen
from facilitator.tui.screens.treasury.screen import TreasuryScreen
from facilitator.tui.widgets.business_panel import BusinessPanel

KEYS = {"ctrl", "esc", "enter"}


def with_cut_words(data: set[str]) -> set[str]:
    """The data words and every piece of them a cell cut short with '…' can leave."""
    return {word[i:j] for word in data for i in range(len(word))
            for j in range(i + 2, len(word) + 1)}


# The sample ledger's data: meeting, memos, categories typed by the group, service bodies;
# the app's name in the header.
LEDGER_DATA = with_cut_words({"Tuesday", "Night", "cash", "box", "and", "bank", "December",
                              "District", "Area", "GSO", "literature", "sale", "USD",
                              "facilitator"})


def rows(app, *, footer: bool = False) -> list[str]:
    strips = app.screen._compositor.render_strips()
    lines = ["".join(segment.text for segment in strip) for strip in strips]
    return lines if footer else lines[:-1]


def region_text(app, widget) -> str:
    """The characters drawn inside `widget`'s region."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join("".join(s.text for s in strip.crop(region.x, region.right))
                     for strip in strips)


async def test_the_treasury_screen_and_its_forms_at_80x24(make_app):
    app = make_app(meetings=[MEETING])
    fill(app)
    with pseudo_language():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.push_screen(TreasuryScreen())
            await pilot.pause()
            treasury = untranslated_words("\n".join(rows(app)), LEDGER_DATA | KEYS)
            await pilot.press("e")  # the highlighted entry, corrected in the form
            await pilot.pause()
            assert isinstance(app.screen, EntryFormScreen)
            correction = untranslated_words("\n".join(rows(app)), LEDGER_DATA | KEYS)
            await pilot.press("escape", "a")
            await pilot.pause()
            entry = untranslated_words("\n".join(rows(app)), LEDGER_DATA | KEYS)
            await pilot.press("escape", "p")
            await pilot.pause()
            assert isinstance(app.screen, PlanFormScreen)
            plan = untranslated_words("\n".join(rows(app)), LEDGER_DATA | KEYS)
    assert (treasury, correction, entry, plan) == ([], [], [], [])


async def test_the_business_tab_with_a_vote_shown(make_app, start_meeting):
    app = make_app(meetings=[BUSINESS])
    with pseudo_language():
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_floor(pilot, start_meeting)
            await move(pilot, "Buy chips")
            await pilot.press("p", "q", "n")
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, VoteForm)
            form = untranslated_words(region_text(app, app.screen.query_one("#vote-form")),
                                      {"Buy", "chips"} | KEYS)
            await pilot.press(*"4 1 1", "enter")
            await pilot.pause()
            panel = region_text(app, screen.query_one(BusinessPanel))
    assert form == []
    assert "4" in panel and untranslated_words(panel, {"Buy", "chips", *PEOPLE}) == []
