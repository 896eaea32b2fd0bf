"""Meeting, Record and GroupSettings refuse every bad value with a message naming the field."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import Meeting
from facilitator.core.records.record import Record
from facilitator.core.settings import GroupSettings
from facilitator.core.text_out import BIDI_CONTROLS

GOOD_MEETING = {"name": "Tuesday Night"}
GOOD_RECORD = {"meeting": "Tuesday Night", "date": date(2024, 3, 5), "attendance": 20,
               "newcomers": 2, "visitors": 1, "online": 3, "shares": 6}

# (changes to a good value, field named in the message, words the reason must contain)
BAD_MEETINGS = [
    ({"name": ""}, "name", "cannot be empty"),
    ({"name": "   "}, "name", "cannot be empty"),
    ({"name": 12}, "name", "must be text"),
    ({"name": None}, "name", "must be text"),
    ({"name": "x" * 81}, "name", "81 characters long; the limit is 80"),
    ({"name": "Tues\x07day"}, "name", "control characters"),
    ({"name": "Tues\nday"}, "name", "control characters"),
    ({"days": (7,)}, "day", "0 (Monday) to 6 (Sunday)"),
    ({"days": (-1,)}, "day", "0 (Monday) to 6 (Sunday)"),
    ({"days": ("mon",)}, "day", "0 (Monday) to 6 (Sunday)"),
    ({"days": (True,)}, "day", "0 (Monday) to 6 (Sunday)"),
    ({"start": "19:00"}, "start", "must be a time"),
    ({"duration_minutes": 0}, "duration", "at least 1 minute"),
    ({"duration_minutes": -5}, "duration", "cannot be negative (-5)"),
    ({"duration_minutes": 1441}, "duration", "1441 is more than 1,440"),
    ({"duration_minutes": "long"}, "duration", "must be a whole number, not 'long'"),
    ({"duration_minutes": 59.5}, "duration", "must be a whole number, not 59.5"),
    ({"share_minutes": 0}, "share minutes", "from 1 to 30"),
    ({"share_minutes": 31}, "share minutes", "31 is more than 30"),
    ({"share_minutes": -1}, "share minutes", "cannot be negative"),
    ({"share_minutes": True}, "share minutes", "must be a whole number"),
    ({"queue_mode": "random"}, "queue mode", "one of hands, round, popcorn"),
]

BAD_RECORDS = [
    ({"meeting": ""}, "meeting", "cannot be empty"),
    ({"meeting": 7}, "meeting", "must be text"),
    ({"meeting": "m" * 81}, "meeting", "the limit is 80"),
    ({"meeting": "a\x00b"}, "meeting", "control characters"),
    ({"date": "2024-03-05"}, "date", "must be a date (YYYY-MM-DD)"),
    ({"date": None}, "date", "must be a date"),
    ({"attendance": -1}, "attendance", "cannot be negative (-1)"),
    ({"attendance": "twenty"}, "attendance", "must be a whole number, not 'twenty'"),
    ({"attendance": 20.0}, "attendance", "must be a whole number, not 20.0"),
    ({"attendance": True}, "attendance", "must be a whole number, not True"),
    ({"attendance": None}, "attendance", "must be a whole number, not None"),
    ({"attendance": 100_001}, "attendance", "100001 is more than 100,000"),
    ({"newcomers": -2}, "newcomers", "cannot be negative"),
    ({"newcomers": 21}, "newcomers", "21 is more than the attendance (20)"),
    ({"visitors": 21}, "visitors", "21 is more than the attendance (20)"),
    ({"visitors": "1.5"}, "visitors", "must be a whole number"),
    ({"online": 21}, "online", "21 is more than the attendance (20)"),
    ({"online": -1}, "online", "cannot be negative"),
    ({"shares": -1}, "shares", "cannot be negative"),
    ({"shares": 100_001}, "shares", "is more than 100,000"),
    ({"share_seconds": -60}, "share_seconds", "cannot be negative"),
    ({"share_seconds": 10_000_001}, "share_seconds", "is more than 10,000,000"),
    ({"over_time": -1}, "over_time", "cannot be negative"),
    ({"over_time": 7}, "over_time", "more than the number of shares"),
    ({"passes": -1}, "passes", "cannot be negative"),
    ({"passes": [1]}, "passes", "must be a whole number"),
    ({"chips": ["30 days"]}, "chips", "must map names to counts"),
    ({"chips": {"": 1}}, "chips", "cannot be empty"),
    ({"chips": {"k" * 41: 1}}, "chips", "the limit is 40"),
    ({"chips": {"30d": -1}}, "chips 30d", "cannot be negative"),
    ({"chips": {"30d": "two"}}, "chips 30d", "must be a whole number"),
    ({"sections": "Shares"}, "sections", "must map names to counts"),
    ({"sections": {"Shares": -5}}, "sections Shares", "cannot be negative"),
    ({"collection": -1}, "collection", "cannot be negative"),
    ({"collection": 12.5}, "collection", "must be a whole number, not 12.5"),
    ({"collection": 10**9 + 1}, "collection", "is more than 1,000,000,000"),
    ({"currency": ""}, "currency", "cannot be empty"),
    ({"currency": "US"}, "currency", "'US' is not a 3-letter code"),
    ({"currency": "U5D"}, "currency", "'U5D' is not a 3-letter code"),
    ({"currency": "EURO"}, "currency", "4 characters long; the limit is 3"),
    ({"currency": 840}, "currency", "must be text"),
    ({"start": "19:00"}, "start", "must be a time (HH:MM)"),
    ({"end": 2030}, "end", "must be a time (HH:MM)"),
    ({"note": "n" * 1001}, "note", "1001 characters long; the limit is 1000"),
    ({"note": "first line\nsecond"}, "note", "control characters"),
    ({"note": None}, "note", "must be text"),
]

BAD_SETTINGS = [
    ({"currency": "EU"}, "currency", "not a 3-letter code"),
    ({"currency": ""}, "currency", "cannot be empty"),
    ({"date_order": "ymd"}, "date order", "dayfirst or monthfirst"),
    ({"ladder": ""}, "ladder", "cannot be empty"),
    ({"ladder": "l" * 41}, "ladder", "the limit is 40"),
    ({"warning_seconds": 4}, "warning seconds", "from 5 to 600"),
    ({"warning_seconds": 601}, "warning seconds", "601 is more than 600"),
    ({"warning_seconds": "soon"}, "warning seconds", "must be a whole number"),
    ({"bell": "yes"}, "bell", "must be on or off"),
    ({"bell": 1}, "bell", "must be on or off"),
    ({"names_on_display": None}, "names on display", "must be on or off"),
    ({"theme": ""}, "theme", "cannot be empty"),
    ({"theme": "t" * 61}, "theme", "the limit is 60"),
    ({"closing_reserve_minutes": -1}, "closing reserve", "cannot be negative"),
    ({"closing_reserve_minutes": 61}, "closing reserve", "61 is more than 60"),
    ({"leap_day": "feb29"}, "leap day", "one of feb28, mar1"),
]

# Rows as they could be found in a damaged or hand-edited file.
BAD_RECORD_ROWS = [
    ([1, 2], "record", "is not an object"),
    ({"meeting": "M", "attendance": 3}, "date", "is missing"),
    ({"meeting": "M", "date": "05/03/2024", "attendance": 3}, "date", "is not YYYY-MM-DD"),
    ({"meeting": "M", "date": 20240305, "attendance": 3}, "date", "is not YYYY-MM-DD"),
    ({"meeting": "M", "date": "2024-02-30", "attendance": 3}, "date", "is not YYYY-MM-DD"),
    ({"date": "2024-03-05", "attendance": 3}, "meeting", "is missing"),
    ({"meeting": "M", "date": "2024-03-05"}, "attendance", "is missing"),
    ({"meeting": "M", "date": "2024-03-05", "attendance": 3, "start": 1900}, "start",
     "must be a time"),
    ({"meeting": "M", "date": "2024-03-05", "attendance": 3, "end": "25:00"}, "end",
     "is not a time"),
]


def _case_id(case) -> str:
    changes, field, _ = case
    return f"{field}={next(iter(changes.values()))!r}"[:40] if isinstance(changes, dict) else field


def _refused(build, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("changes, field, reason", BAD_MEETINGS, ids=map(_case_id, BAD_MEETINGS))
def test_meeting_refuses_bad_values(changes, field, reason):
    """Each bad meeting setting is refused, naming the setting."""
    _refused(lambda: Meeting(**{**GOOD_MEETING, **changes}), field, reason)


@pytest.mark.parametrize("changes, field, reason", BAD_RECORDS, ids=map(_case_id, BAD_RECORDS))
def test_record_refuses_bad_values(changes, field, reason):
    """Each bad count, text or time in a record is refused, naming the field."""
    _refused(lambda: Record(**{**GOOD_RECORD, **changes}), field, reason)


@pytest.mark.parametrize("changes, field, reason", BAD_SETTINGS, ids=map(_case_id, BAD_SETTINGS))
def test_settings_refuse_bad_values(changes, field, reason):
    """Each bad group setting is refused, naming the setting."""
    _refused(lambda: GroupSettings(**changes), field, reason)


@pytest.mark.parametrize("row, field, reason", BAD_RECORD_ROWS,
                         ids=[case[1] + "-" + case[2] for case in BAD_RECORD_ROWS])
def test_record_from_stored_row_refuses_bad_rows(row, field, reason):
    """A damaged stored row is refused with a ValidationError, never a TypeError."""
    _refused(lambda: Record.from_dict(row), field, reason)


def test_meeting_normalises_and_keys_case_insensitively():
    """Names are trimmed; the key ignores case."""
    meeting = Meeting(name="  Tuesday Night ", days=(1, 3), start=time(19, 0))
    assert meeting.name == "Tuesday Night"
    assert meeting.key == Meeting(name="TUESDAY NIGHT").key
    assert meeting.describe_schedule() == "tue, thu 19:00"


def test_record_normalises_text_and_currency():
    """Text is trimmed, string digits become numbers and the currency is upper-cased."""
    record = Record(**{**GOOD_RECORD, "meeting": " Tuesday Night ", "attendance": "20",
                       "currency": "eur", "note": "  Rain.  "})
    assert (record.meeting, record.attendance, record.currency, record.note) == (
        "Tuesday Night", 20, "EUR", "Rain.")
    assert record.key == ("tuesday night", "2024-03-05")


def test_record_limits_are_inclusive():
    """Attendance may equal each category; over-time may equal shares."""
    record = Record(meeting="M", date=date(2024, 3, 5), attendance=4, newcomers=4, visitors=4,
                    online=4, shares=3, over_time=3, collection=10**9)
    assert (record.newcomers, record.over_time, record.collection) == (4, 3, 10**9)


def test_record_chips_cannot_be_changed_after_creation():
    """A record's chip counts are read-only (the record is a value)."""
    chips = {"30d": 2}
    record = Record(**GOOD_RECORD, chips=chips)
    chips["30d"] = 99
    assert record.chips == {"30d": 2}
    with pytest.raises(TypeError):
        record.chips["30d"] = 5  # type: ignore[index]


def test_settings_normalise_currency_and_defaults_are_valid():
    """The defaults are a valid group; the currency is stored upper-case."""
    assert GroupSettings().currency == "USD"
    assert GroupSettings(currency="gbp").currency == "GBP"
    assert GroupSettings.from_dict({"currency": "eur", "unknown": 1}).currency == "EUR"


counts = st.integers(min_value=0, max_value=300)
# The text a person can store: no control characters, lone surrogates or bidi controls
# (validate.text refuses those, each with its own test).
names = st.text(st.characters(blacklist_categories=("Cc", "Cs"),
                              blacklist_characters=sorted(BIDI_CONTROLS)), min_size=1, max_size=40)


@st.composite
def records(draw) -> Record:
    attendance = draw(counts)
    share_count = draw(counts)
    upto = st.integers(min_value=0, max_value=attendance)
    return Record(
        meeting=draw(names.filter(str.strip)),
        date=draw(st.dates(min_value=date(1935, 6, 10), max_value=date(2100, 1, 1))),
        attendance=attendance, newcomers=draw(upto), visitors=draw(upto), online=draw(upto),
        shares=share_count, share_seconds=draw(st.integers(0, 10_000_000)),
        over_time=draw(st.integers(0, share_count)), passes=draw(counts),
        chips=draw(st.dictionaries(names.filter(str.strip).map(str.strip), counts, max_size=4)),
        collection=draw(st.integers(0, 10**9)),
        currency=draw(st.sampled_from(["USD", "EUR", "CAD"])),
        start=draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))),
        note=draw(names.map(str.strip) | st.just("")),
        sections=draw(st.dictionaries(names.filter(str.strip).map(str.strip), counts,
                                      max_size=3)),
    )


@given(records())
def test_record_survives_a_round_trip_through_a_stored_row(record):
    """to_dict then from_dict gives back the same record, field for field."""
    assert Record.from_dict(record.to_dict()) == record


@given(st.builds(Meeting, name=names.filter(str.strip),
                 days=st.lists(st.integers(0, 6), unique=True).map(tuple),
                 start=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
                 duration_minutes=st.none() | st.integers(1, 1440),
                 share_minutes=st.integers(1, 30),
                 queue_mode=st.sampled_from(["hands", "round", "popcorn"])))
def test_meeting_survives_a_round_trip_through_a_stored_row(meeting):
    """to_dict then from_dict gives back the same meeting."""
    assert Meeting.from_dict(meeting.to_dict()) == meeting
