"""The minutes and the treasurer's report in the pseudo-language: every word the program
writes went through the catalog; only the group's data (meeting, motion, memo, service
bodies, currency) is left as typed. Stored values stay English whatever the language."""

from datetime import date

from tests.pseudo_locale import pseudo_language, untranslated_words

from facilitator.core.business.minutes import Minutes, Report
from facilitator.core.business.minutes_report import minutes_markdown
from facilitator.core.business.motion import Motion
from facilitator.core.business.report_text import treasurer_summary
from facilitator.core.business.votes import Vote, check_against_attendance
from facilitator.core.treasury.entry import Entry, category_label
from facilitator.core.treasury.position import position
from facilitator.core.treasury.report_markdown import treasurer_report

DAY = date(2024, 3, 5)
CARRIED = Motion.move("Buy chips", "two-thirds").vote(13, 7, 1).hear_minority().reconsider()
MOTIONS = (CARRIED.vote(15, 5).decide(), Motion.move("Move rooms").table(),
           Motion.move("New coffee").vote(0, 4), Motion.move("Paint walls", "unanimous"))
MINUTES = Minutes("Tuesday Night", DAY, 21, (Report("Treasury", "fine"),), MOTIONS)
EARLIER = Minutes("Tuesday Night", date(2024, 2, 6), 0, (), (Motion.move("Old idea").table(),))
DATA = {"Tuesday", "Night", "Buy", "chips", "Move", "rooms", "New", "coffee", "Paint", "walls",
        "Treasury", "fine", "Old", "idea"}

ENTRIES = [Entry("opening", date(2024, 1, 1), 100000),
           Entry("expense", date(2024, 2, 3), 30000, category="rent", memo="hall"),
           Entry("expense", date(2024, 2, 9), 2000, category="Candles"),
           Entry("income", date(2024, 2, 10), 2550),
           Entry("contribution", date(2024, 2, 28), 5000, to="District")]
PLAN = (("District", 60), ("GSO", 40))
MONEY_DATA = {"USD", "hall", "Candles", "District", "GSO"}


def test_the_minutes_markdown_has_no_untranslated_word():
    with pseudo_language():
        text = minutes_markdown([MINUTES], earlier=[EARLIER])
        empty = minutes_markdown([])
    assert untranslated_words(text, DATA) == []
    assert untranslated_words(empty) == []


def test_the_treasurers_report_has_no_untranslated_word():
    start, end = date(2024, 2, 1), date(2024, 2, 29)
    collections = [(date(2024, 2, 6), 6000)]
    with pseudo_language():
        text = treasurer_report(ENTRIES, collections, start, end, currency="USD",
                                reserve_months=1, plan=PLAN)
        summary = treasurer_summary(position(ENTRIES, collections, end, plan=PLAN))
    assert untranslated_words(text, MONEY_DATA) == []
    assert untranslated_words(summary, MONEY_DATA) == []


def test_a_vote_and_its_warnings_have_no_untranslated_word():
    with pseudo_language():
        shown = [Vote(14, 6, 1, "two-thirds").arithmetic, Vote(0, 3).arithmetic,
                 Vote(4, 1, 0, "unanimous").arithmetic,
                 check_against_attendance(Vote(3, 1), 0)]
    assert [untranslated_words(line) for line in shown] == [[]] * 4


def test_stored_values_stay_english_in_another_language():
    with pseudo_language():
        stored = MOTIONS[0].to_dict()
        kept = minutes_markdown([MINUTES])
    assert (stored["outcome"], stored["threshold"]) == ("carried", "two-thirds")
    assert "carried" not in kept and "two-thirds" not in kept


def test_a_known_category_typed_in_the_language_in_use_is_stored_in_english():
    with pseudo_language():
        shown_rent = category_label("rent")
        assert Entry("expense", DAY, 100, category=shown_rent.upper()).category == "rent"
        assert Entry("expense", DAY, 100, category="Candles").category == "Candles"
    assert shown_rent != "rent"


def test_a_spanish_treasurers_section_gets_the_treasury_figures():
    from facilitator.core.business.report_text import is_treasurer_section

    assert [is_treasurer_section(title) for title in
            ("Informe de tesorería", "Tesorero", "Treasurer's report", "Secretaría")] == [
        True, True, True, False]
