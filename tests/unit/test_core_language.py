"""The meeting's and the records' words go through the catalog: notices, undo and redo, the
drift and last-share words, the room view, the Markdown report, the report tables."""

from datetime import date, time

import pytest

from facilitator.core.meeting import actions as a
from facilitator.core.meeting.agenda import drift_text
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES, template
from facilitator.core.meeting.notices import describe, redone, undone
from facilitator.core.meeting.room_view import room_view
from facilitator.core.meeting.share_timer import LastShare
from facilitator.core.meeting.suggest import suggestion_basis
from facilitator.core.records.export_csv import grouped_csv, occurrence_csv
from facilitator.core.records.export_json import dumps, export_document
from facilitator.core.records.export_markdown import markdown_report
from facilitator.core.records.record import Record
from facilitator.core.records.report_tables import aligned_text, money, occurrence_table
from facilitator.core.records.saved_today import run_again_question
from facilitator.core.records.statistics import group, select
from facilitator.store.language import apply_language
from tests.pseudo_locale import pseudo_language, untranslated_words
from tests.unit.test_notices import BUSINESS_CASES, CASES, business_floor, room

# Words that are data, not the app's: people's names, meeting names, the text of a motion,
# the chip key, a report section's title as the group typed it, mode codes in journals.
DATA = {"Zoë", "Zo", "Ann", "Zoe", "Bo", "zoë", "Move", "the", "meeting", "to", "pm", "Buy",
        "coffee", "maker", "GSR", "report", "Tuesday", "Night", "Saturday", "Speaker", "Shares",
        "Readings", "USD"}


def _notices(cases, start):
    for before, action, _expected in cases:
        history = start()
        for step in before:
            history = history.do(step, 0.0)
        after = history.do(action, 390.0)
        yield action, describe(action, history.present, after.present), after


@pytest.mark.parametrize("cases,start", [(CASES, room), (BUSINESS_CASES, business_floor)])
def test_every_notice_kind_goes_through_the_catalog(cases, start):
    with pseudo_language():
        for action, words, history in _notices(cases, start):
            assert words, action
            assert untranslated_words(words, DATA) == [], (action, words)
            assert untranslated_words(undone(history.last_step()), DATA) == [], action
            history = history.undo()
            assert untranslated_words(redone(history.next_step()), DATA) == [], action


def test_the_drift_last_share_and_room_words_go_through_the_catalog():
    history = room().do(a.ShareStart(), 0.0)
    with pseudo_language():
        words = [drift_text(0), drift_text(200), drift_text(-130),
                 LastShare(372, 300, True).describe(), LastShare(290, 300, False).describe(),
                 suggestion_basis(44 * 60, 8, 300), suggestion_basis(44 * 60, 8, 0, True)]
        words += [room_view(history.present, 250.0).note,  # the share's last minute
                  room_view(history.present, 400.0).note,  # over time
                  room_view(history.present, 10.0).section_left,
                  room_view(history.present, 3 * 3600).section_left,  # past the section
                  room_view(room().present, 0.0).note]  # between shares
    for text in words:
        assert text and untranslated_words(text) == [], text


def test_built_in_formats_are_copied_in_the_language_in_use():
    with pseudo_language():
        for name in TEMPLATE_NAMES:
            for section in template(name).sections:
                assert untranslated_words(f"{section.title} {section.note}") == [], section
    assert template("discussion").sections[0].title == "Opening"  # English again after


RECORDS = [
    Record("Tuesday Night", date(2024, 1, 2), 20, newcomers=2, visitors=1, online=3, shares=8,
           chips={"30d": 2}, collection=315000, end=time(20, 5)),
    Record("Saturday Speaker", date(2024, 1, 6), 12, collection=900),
]
PREVIOUS = select([Record("Tuesday Night", date(2023, 1, 3), 1500)])


@pytest.mark.parametrize("by", ["occurrence", "week", "month", "year"])
def test_the_markdown_report_speaks_the_language_in_use(by):
    with pseudo_language():
        text = markdown_report(select(RECORDS), by, date(2024, 1, 1), date(2024, 1, 31),
                               previous=PREVIOUS)
        empty = markdown_report(select([]), by)
    assert untranslated_words(text, DATA) == []
    assert untranslated_words(empty) == []


@pytest.mark.parametrize("by", ["occurrence", "week", "month", "year"])
def test_csv_and_json_exports_stay_english_for_programs(by):
    rows = select(RECORDS)

    def exports() -> list:
        return [occurrence_csv(rows), grouped_csv(group(rows, "month")),
                dumps(export_document(rows, by, previous=PREVIOUS))]

    english = exports()
    with pseudo_language():
        assert exports() == english


def test_report_tables_write_numbers_as_the_locale_does():
    rows = select([Record("Tuesday Night", date(2024, 1, d), 1234 + d) for d in (1, 2)])
    with pseudo_language():
        table = aligned_text(occurrence_table(rows))
        report = markdown_report(rows, "month")
    assert untranslated_words(table.splitlines()[0]) == []
    assert "- **" in report and "2.471" in report and "1.235,5" in report


@pytest.mark.parametrize("language, written", [
    ("en", ["0.00", "31.50 USD"]), ("es_ES", ["0,00", "31,50\xa0US$"])])
def test_a_report_table_writes_no_collection_as_it_writes_one(language, written):
    apply_language(language)
    assert [money({}), money({"USD": 3150})] == written


def test_the_saved_today_question_goes_through_the_catalog():
    with pseudo_language():
        question = run_again_question(RECORDS[0])
    assert untranslated_words(question, DATA | {"F2"}) == []


def test_spanish_words_after_apply_language():
    """Read from the compiled Spanish catalog."""
    apply_language("es")
    history = room()
    after = history.do(a.Collection(4725), 5.0)
    assert describe(a.Collection(4725), history.present, after.present) == \
        "Séptima Tradición 47,25"
    assert undone(after.last_step()) == "Deshecho: Séptima Tradición 47,25"
    assert drift_text(0) == "a tiempo"
    assert drift_text(200) == "3 min tarde"
    assert LastShare(372, 300, True).describe() == "última participación 6:12, 1:12 de más"
    report = markdown_report(select(RECORDS), "month")
    assert "## Por mes" in report and "- **Reuniones celebradas:** 2" in report
    assert "_Solo recuentos anónimos: no se registra ningún nombre._" in report
