"""Each count has one limit, and every message about it names that limit; every date a record
can hold works downstream."""

from datetime import date

import pytest

from facilitator.core import validate
from facilitator.core.errors import ValidationError
from facilitator.core.schedule.meeting import DURATION_LIMIT, SHARE_MINUTES_LIMIT, Meeting
from facilitator.core.records.record import COUNT_FIELDS, COUNT_LIMITS, Record, count_field
from facilitator.core.settings import CLOSING_RESERVE_LIMIT, WARNING_SECONDS_LIMIT, GroupSettings


@pytest.mark.parametrize("name", COUNT_FIELDS)
@pytest.mark.parametrize("given", ["over", "digits", "5,000 digits"])
def test_a_count_over_its_limit_names_the_field_and_the_limit(name, given):
    """Typed or stored, a count over the limit says that count's own limit."""
    limit = COUNT_LIMITS[name]
    value = {"over": limit + 1, "digits": str(limit + 1), "5,000 digits": "9" * 5000}[given]
    with pytest.raises(ValidationError) as caught:
        count_field(name, value)
    assert caught.value.field == name
    assert caught.value.reason.endswith(f" is more than {limit:,}")


@pytest.mark.parametrize("typed, count", [("0" * 5000 + "5", 5), ("0" * 4301, 0), ("007", 7)])
def test_leading_zeros_never_hide_or_break_a_count(typed, count):
    """Python refuses int() of more than 4,300 digits: zeros in front are still a count."""
    assert validate.count("attendance", typed, maximum=100_000) == count


@pytest.mark.parametrize("name", COUNT_FIELDS)
def test_a_record_holds_each_count_up_to_its_limit(name):
    """The limit count_field checks is the one a record holds: no other, lower limit."""
    limit = COUNT_LIMITS[name]
    counts = {"attendance": COUNT_LIMITS["attendance"], name: limit}
    if name == "over_time":
        counts["shares"] = limit
    record = Record(meeting="M", date=date(2024, 1, 1), **counts)
    assert getattr(record, name) == limit
    with pytest.raises(ValidationError, match=f"^{name}: {limit + 1} is more than {limit:,}$"):
        Record(meeting="M", date=date(2024, 1, 1), **{**counts, name: limit + 1})


def test_record_attendance_limit_is_100000():
    """`facilitator record --attendance 200000` says 100,000, the limit a record holds."""
    with pytest.raises(ValidationError, match="^attendance: 200000 is more than 100,000$"):
        count_field("attendance", "200000")


@pytest.mark.parametrize("build, message", [
    (lambda: Meeting(name="M", duration_minutes=DURATION_LIMIT + 1),
     f"duration: {DURATION_LIMIT + 1} is more than {DURATION_LIMIT:,}"),
    (lambda: Meeting(name="M", share_minutes=SHARE_MINUTES_LIMIT + 1),
     f"share minutes: {SHARE_MINUTES_LIMIT + 1} is more than {SHARE_MINUTES_LIMIT}"),
    (lambda: GroupSettings(warning_seconds=WARNING_SECONDS_LIMIT + 1),
     f"warning seconds: {WARNING_SECONDS_LIMIT + 1} is more than {WARNING_SECONDS_LIMIT}"),
    (lambda: GroupSettings(closing_reserve_minutes=CLOSING_RESERVE_LIMIT + 1),
     f"closing reserve: {CLOSING_RESERVE_LIMIT + 1} is more than {CLOSING_RESERVE_LIMIT}"),
])
def test_settings_limits_are_the_ones_the_forms_use(build, message):
    with pytest.raises(ValidationError) as caught:
        build()
    assert str(caught.value) == message


def test_a_count_always_names_its_limit():
    """There is no default limit to get wrong: each caller gives the field's own."""
    with pytest.raises(TypeError):
        validate.count("attendance", "5")  # type: ignore[call-arg]


@pytest.mark.parametrize("day, ok", [
    (date(1900, 1, 1), True), (date(9998, 12, 31), True),
    (date(1899, 12, 31), False), (date(1, 1, 1), False), (date(9999, 12, 31), False),
])
def test_a_record_date_is_one_every_report_can_use(day, ok):
    """A year before and after a record's date still exist (history compares them)."""
    if ok:
        assert Record(meeting="M", date=day, attendance=1).date == day
        return
    with pytest.raises(ValidationError) as caught:
        Record.from_dict({"meeting": "M", "date": day.isoformat(), "attendance": 1})
    assert str(caught.value) == f"date: {day.isoformat()} is not from 1900-01-01 to 9998-12-31"
