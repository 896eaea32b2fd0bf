"""Records built in bulk from stored rows are exactly those Record.from_dict builds."""

from datetime import date
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ValidationError
from facilitator.core.record import Record
from facilitator.store.bulk_records import FIELDS, records_from_rows

GOOD_ROW = Record(meeting="Tuesday Night", date=date(2024, 3, 5), attendance=20, newcomers=2,
                  chips={"30d": 1}, collection=3150, note="Rain.").to_dict()

odd_text = st.sampled_from(["M", " M", "M ", "M\u00a0", "\u3000M", "", "a\nb", "a\tb", "é",
                            "x" * 80, "x" * 81, "Ω≈ç", "\u200bM", "30d"])
odd_count = st.one_of(st.integers(-2, 25), st.sampled_from(
    [True, False, 1.0, 2.5, "3", " 4", "x", None, 100_000, 100_001, 10_000_001, 10**9 + 1]))
odd_time = st.sampled_from([None, "19:00", "7.30", "19h05", " 19:00", "", "25:00", 1900, 0])
odd_map = st.one_of(st.dictionaries(odd_text, odd_count, max_size=2),
                    st.sampled_from([{}, [], "x", None]))
odd_value = {
    "meeting": odd_text, "note": odd_text, "chips": odd_map, "sections": odd_map,
    "date": st.sampled_from(["2024-03-05", "2024-02-30", "20240305", "05/03/2024", 2024, None]),
    "currency": st.sampled_from(["USD", "usd", "US", "EURO", "U5D", " EUR", 840]),
    "start": odd_time, "end": odd_time, "collection": odd_count,
}


@st.composite
def stored_rows(draw) -> dict:
    """A row as a damaged or hand-edited file might hold it: mostly good, sometimes not."""
    row = dict(GOOD_ROW)
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True)):
        if draw(st.integers(0, 5)) == 0:
            del row[name]
        else:
            row[name] = draw(odd_value.get(name, odd_count))
    if draw(st.booleans()):
        row["unknown"] = 1
    return row


def _outcome(build, rows):
    try:
        return "ok", build(rows)
    except ValidationError as error:
        return "refused", str(error)


@settings(max_examples=400)
@given(st.lists(stored_rows(), min_size=1, max_size=4))
def test_bulk_gives_what_from_dict_gives(rows):
    """Same records, or the same refusal, for any rows at all."""
    bulk = _outcome(records_from_rows, rows)
    one_by_one = _outcome(lambda rs: [Record.from_dict(row) for row in rs], rows)
    assert bulk == one_by_one
    if bulk[0] == "ok":
        for record in bulk[1]:
            assert set(vars(record)) == set(FIELDS)
            assert isinstance(record.chips, MappingProxyType)
            assert isinstance(record.sections, MappingProxyType)


def test_valid_rows_are_not_checked_one_by_one(monkeypatch):
    """The bulk path is really taken for clean rows (it is what makes reading fast)."""
    rows = [dict(GOOD_ROW, date=f"2024-03-{day:02d}") for day in range(1, 29)]
    expected = [Record.from_dict(row) for row in rows]

    def refuse(*_):
        raise AssertionError("from_dict called")

    monkeypatch.setattr(Record, "from_dict", classmethod(refuse))
    assert records_from_rows(rows) == expected


def test_records_do_not_share_the_stored_rows():
    """Changing a stored row afterwards does not change a record already read."""
    rows = [dict(GOOD_ROW, chips={"30d": 1})]
    record = records_from_rows(rows)[0]
    rows[0]["chips"]["30d"] = 7
    rows[0]["attendance"] = 99
    assert (record.chips["30d"], record.attendance) == (1, 20)


def test_older_rows_without_newer_fields_get_the_defaults():
    """A migrated row lacking passes/sections reads as Record would complete it."""
    old = {key: value for key, value in GOOD_ROW.items() if key not in ("passes", "sections")}
    record = records_from_rows([old, dict(GOOD_ROW, date="2024-03-06")])[0]
    assert (record.passes, dict(record.sections)) == (0, {})


@pytest.mark.parametrize("change, message", [
    ({"attendance": -1}, "attendance: cannot be negative (-1)"),
    ({"newcomers": 21}, "newcomers: 21 is more than the attendance (20)"),
    ({"date": "2024-02-30"}, "date: '2024-02-30' is not YYYY-MM-DD"),
    ({"meeting": "a\nb"}, "meeting: cannot contain control characters"),
])
def test_one_bad_row_among_many_is_named(change, message):
    """A single damaged row among good ones is refused with its field and reason."""
    rows = [dict(GOOD_ROW, date=f"2023-01-{day:02d}") for day in range(1, 30)]
    rows[17].update(change)
    with pytest.raises(ValidationError) as caught:
        records_from_rows(rows)
    assert str(caught.value) == message
