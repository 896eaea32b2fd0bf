"""Minutes as a value: checked, read back exactly, read out in Markdown with text escaped."""

import re
from datetime import date

import orjson
import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.business.minutes import Minutes, Report, still_tabled, with_vote
from facilitator.core.business.minutes_report import (minutes_document, minutes_from_document,
                                                      minutes_markdown)
from facilitator.core.business.motion import Motion
from facilitator.core.business.votes import Vote
from facilitator.core.errors import ValidationError

HOURS = Motion.move("Move the meeting to 7 pm", "two-thirds").vote(13, 7, 1).hear_minority() \
    .reconsider().vote(15, 5).decide()
BOOKS = Motion.move("Buy *new* <b>books</b> | 50 copies").table()
OCTOBER = Minutes("Tuesday Night", date(2026, 10, 6), 22,
                  (Report("Treasurer's report", "$120 in, $80 rent"),), (HOURS, BOOKS))
NOVEMBER = Minutes("Tuesday Night", date(2026, 11, 3))


def test_markdown_reads_out_each_motion_its_votes_and_what_is_still_tabled():
    text = minutes_markdown([NOVEMBER, OCTOBER])
    assert text.index("2026-10-06") < text.index("2026-11-03")
    assert "Attendance: 22 attending." in text and "Attendance: nobody signed in." in text
    assert "- **Treasurer's report:** $120 in, $80 rent" in text
    assert "**Motion 1:** Move the meeting to 7 pm — **carried** (threshold: two-thirds)" in text
    assert ("- Vote (two-thirds): 13 for, 7 against, 1 abstaining: 65% of 20 \\< 66.7% — "
            "failed.") in text
    assert "- Vote (two-thirds): 15 for, 5 against: 75% of 20 ≥ 66.7% — carried." in text
    assert "- The minority opinion was heard." in text
    november = text[text.index("2026-11-03"):]
    assert "### Tabled, not yet taken up\n\n- Buy \\*new\\* \\<b>books\\</b> \\| 50 copies" in (
        november)
    assert not re.search(r"(?<!\\)[<*|]", text.replace("**", ""))  # every one escaped


def test_a_motion_taken_from_the_table_is_no_longer_listed():
    later = Minutes("Tuesday Night", date(2026, 12, 1), 9, (), (BOOKS.resume().withdraw(),))
    assert still_tabled([OCTOBER]) == [BOOKS]
    assert still_tabled([later, OCTOBER]) == []
    assert "Tabled, not yet taken up" not in minutes_markdown([later], earlier=[OCTOBER])


def test_json_round_trip_keeps_everything():
    document = orjson.loads(orjson.dumps(minutes_document([NOVEMBER, OCTOBER])))
    assert document["format"] == "facilitator-minutes"
    assert minutes_from_document(document) == [OCTOBER, NOVEMBER]
    assert document["minutes"][0]["motions"][0]["outcome"] == "carried"


texts = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                max_size=60).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=3),
       st.integers(0, 300))
def test_any_minutes_read_back_equal(text, votes, attendance):
    motion = Motion.move(text)
    for for_, against in votes:
        if motion.stage == "discussion" or motion.stage == "reconsidering":
            motion = motion.vote(for_, against)
        if motion.offers_minority:
            motion = motion.hear_minority().reconsider()
    minutes = Minutes("Any group", date(2026, 1, 6), attendance, (Report(text, text),),
                      (motion,))
    assert Minutes.from_dict(orjson.loads(orjson.dumps(minutes.to_dict()))) == minutes
    assert minutes_from_document(minutes_document([minutes])) == [minutes]


@pytest.mark.parametrize("change, message", [
    ({"date": "2026-02-30"}, "minutes, date: is not a date"),
    ({"date": 20260206}, "minutes, date: is not a date"),
    ({"meeting": ""}, "meeting: cannot be empty"),
    ({"attendance": -3}, "attendance: cannot be negative"),
    ({"motions": {"a": 1}}, "minutes, motions: must be a list"),
    ({"reports": [{"section": "GSR\u2066"}]}, "report: cannot contain control"),
    ({"motions": [{"text": "Buy\x00 books", "history": [{"step": "moved"}]}]},
     "motion: cannot contain control"),
])
def test_damaged_minutes_refused(change, message):
    with pytest.raises(ValidationError, match=message):
        Minutes.from_dict({**OCTOBER.to_dict(), **change})


@pytest.mark.parametrize("document, message", [
    ([], "is not facilitator minutes"),
    ({"format": "facilitator-minutes", "version": 2}, "newer facilitator"),
    ({"format": "facilitator-minutes", "version": True}, "no valid version"),
    ({"format": "facilitator-minutes", "version": 1, "minutes": [{"meeting": "x"}]},
     r"file, minutes\[0\], minutes, date"),
])
def test_documents_refused(document, message):
    with pytest.raises(ValidationError, match=message):
        minutes_from_document(document)


def test_with_motion_replaces_the_motion_of_the_same_text():
    minutes = OCTOBER.with_motion(Motion.move("move THE meeting to 7 pm"))
    assert [m.text for m in minutes.motions] == ["move THE meeting to 7 pm", BOOKS.text]
    assert minutes.find_motion("Buy *NEW* <b>books</b> | 50 copies") == BOOKS


@pytest.mark.parametrize("first, second, outcome, steps", [
    ((13, 7), (15, 5), "carried", ["moved", "vote", "minority", "reconsider", "vote", "decided"]),
    ((15, 5), (12, 8), "failed", ["moved", "vote", "minority", "reconsider", "vote", "decided"]),
])
def test_paper_votes_and_reconsideration(first, second, outcome, steps):
    """A vote typed in from paper is decided; --revote reopens it for a reconsideration."""
    minutes, motion = with_vote(NOVEMBER, "Move the meeting", Vote(*first, 0, "two-thirds"),
                                threshold="two-thirds")
    assert motion.stage == "decided" and minutes.motions == (motion,)
    minutes, motion = with_vote(minutes, "MOVE the meeting", Vote(*second, 0, "two-thirds"),
                                revote=True)
    assert [s.kind for s in motion.history] == steps and motion.outcome == outcome
    assert motion.text == "Move the meeting" and len(minutes.motions) == 1
    with pytest.raises(ValidationError, match="already recorded"):
        with_vote(minutes, "Move the meeting", Vote(1, 0))
    with pytest.raises(ValidationError, match="no vote recorded"):
        with_vote(minutes, "Another", Vote(1, 0), revote=True)
