"""Reading a decoded Meeting Guide feed: conversion, day numbering, bad entries, unknown types."""

from datetime import time

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting_guide import convert_entry, guide_day_to_weekday, parse_feed
from facilitator.store.reference import meeting_type_codes

KNOWN = meeting_type_codes()


def entry(**fields) -> dict:
    return {"name": "Tuesday Night", "slug": "tuesday-night", "day": 2, "time": "19:00",
            "end_time": "20:00", "types": ["O", "D"], **fields}


@pytest.mark.parametrize("guide_day, weekday", [(0, 6), (1, 0), (2, 1), (5, 4), (6, 5)])
def test_day_numbering(guide_day, weekday):
    """Meeting Guide counts from Sunday; Python from Monday."""
    assert guide_day_to_weekday(guide_day) == weekday


def test_a_good_entry_becomes_a_meeting():
    meeting, unknown = convert_entry(entry(notes="Ring the side door bell."), KNOWN)
    assert (meeting.name, meeting.days, meeting.start, meeting.duration_minutes, meeting.types) \
        == ("Tuesday Night", (1,), time(19, 0), 60, ("O", "D"))
    assert unknown == []
    assert "notes" not in meeting.to_dict()  # free text is not kept


@pytest.mark.parametrize("fields, days, start, minutes", [
    ({"day": [0, 6, 3]}, (2, 5, 6), time(19, 0), 60),
    ({"day": "4"}, (3,), time(19, 0), 60),
    ({"time": "23:30", "end_time": "01:00"}, (1,), time(23, 30), 90),  # past midnight
    ({"time": "07:00:00", "end_time": "08:15:00"}, (1,), time(7, 0), 75),
    ({"end_time": None}, (1,), time(19, 0), None),
    ({"day": None, "time": None, "end_time": None}, (), None, None),
])
def test_schedule_variants(fields, days, start, minutes):
    meeting, _ = convert_entry(entry(**fields), KNOWN)
    assert (meeting.days, meeting.start, meeting.duration_minutes) == (days, start, minutes)


def test_type_codes_match_regardless_of_case_and_unknown_ones_are_returned():
    meeting, unknown = convert_entry(entry(types=["o", "12x12", "ZZ", "O", "Q-9"]), KNOWN)
    assert meeting.types == ("O", "12x12")
    assert unknown == ["ZZ", "'Q-9'"]


@pytest.mark.parametrize("fields, message", [
    ({"name": None}, "name: is missing"),
    ({"name": "  "}, "name: must be non-empty text"),
    ({"name": "x" * 81}, "name: is 81 characters long"),
    ({"name": "Bad\x1b[31m"}, "name: cannot contain control characters"),
    ({"slug": None}, "slug: is missing"),
    ({"slug": 5}, "slug: must be non-empty text"),
    ({"day": 7}, "day: 7 is not 0 (Sunday) to 6 (Saturday)"),
    ({"day": [1, -1]}, "day: -1 is not 0"),
    ({"day": True}, "day: True is not 0"),
    ({"day": "Monday"}, "day: 'Monday' is not 0"),
    ({"time": "7pm"}, "time: '7pm' is not HH:MM"),
    ({"time": "24:00"}, "time: '24:00' is not HH:MM"),
    ({"end_time": 20}, "end_time: 20 is not HH:MM"),
    ({"end_time": "19:00"}, "end_time: is the same as time"),
    ({"time": None}, "end_time: is given without a time"),
    ({"types": "O,D"}, "types: must be a list of type codes"),
    ({"notes": ["x"]}, "notes: must be text"),
])
def test_bad_entries_name_the_field(fields, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        convert_entry(entry(**fields), KNOWN)


def test_a_feed_with_bad_entries_reports_each_by_index_and_name():
    feed = [entry(name="First", slug="a"), entry(name="Second", day=9), "not an object",
            entry(name="first", slug="c"), entry(name="Third", slug="d", types=["O", "NOPE"])]
    result = parse_feed(feed, KNOWN)
    assert [m.name for m in result.meetings] == ["First", "Third"]
    assert result.problems == (
        "index 1 'Second': day: 9 is not 0 (Sunday) to 6 (Saturday)",
        "index 2: entry: is not an object",
        "index 3 'first': name: is the same as index 0",
    )
    assert result.warnings == ("index 4 'Third': unknown type codes NOPE (left out)",)
    assert result.entries == 5
    assert result.meetings[1].types == ("O",)


def test_each_duplicate_slug_is_a_bad_entry_naming_the_slug_and_both_entries():
    """A slug names one meeting; the first entry keeps it, each later one is refused."""
    feed = [entry(name="First", slug="tuesday"), entry(name="Second", slug="friday"),
            entry(name="Third", slug=" Tuesday "), entry(name="Fourth", slug="tuesday"),
            entry(name="Fifth", slug="friday", day=9)]
    result = parse_feed(feed, KNOWN)
    assert [m.name for m in result.meetings] == ["First", "Second"]
    assert result.problems == (
        "index 2 'Third': slug: 'Tuesday' is also the slug of index 0 'First'",
        "index 3 'Fourth': slug: 'tuesday' is also the slug of index 0 'First'",
        "index 4 'Fifth': slug: 'friday' is also the slug of index 1 'Second'",
    )


def test_a_bad_entry_still_holds_its_slug():
    """The slug of an entry refused for another reason is not free for a later entry."""
    result = parse_feed([entry(name="First", day=9), entry(name="Second")], KNOWN)
    assert result.meetings == ()
    assert result.problems[1] == ("index 1 'Second': slug: 'tuesday-night' is also the slug "
                                  "of index 0 'First'")


def test_names_already_in_the_database_are_bad_entries():
    result = parse_feed([entry(name="Tuesday Night")], KNOWN, existing=["TUESDAY NIGHT"])
    assert result.meetings == ()
    assert result.problems == ("index 0 'Tuesday Night': name: is already a meeting in the database",)


@pytest.mark.parametrize("data", [{}, "text", 3, None])
def test_a_feed_must_be_a_list(data):
    with pytest.raises(ValidationError, match="feed: must be a JSON list of meetings"):
        parse_feed(data, KNOWN)


def test_an_empty_list_is_an_empty_result():
    assert parse_feed([], KNOWN) == parse_feed([], KNOWN)
    assert parse_feed([], KNOWN).entries == 0 and parse_feed([], KNOWN).meetings == ()
