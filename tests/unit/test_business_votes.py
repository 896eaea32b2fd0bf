"""Thresholds decided in whole numbers, and the arithmetic line read out with the result."""

import pytest
from hypothesis import given, settings, strategies as st

from facilitator.core.business.votes import Vote, check_against_attendance, threshold_of
from facilitator.core.errors import ValidationError

CASES = [
    # for, against, abstain, threshold, carried, arithmetic line
    (14, 6, 0, "two-thirds", True, "14 for, 6 against: 70% of 20 ≥ 66.7% — carried"),
    (2, 1, 0, "two-thirds", True, "2 for, 1 against: 66.7% of 3 ≥ 66.7% — carried"),
    (20, 10, 4, "two-thirds", True,
     "20 for, 10 against, 4 abstaining: 66.7% of 30 ≥ 66.7% — carried"),
    (19, 10, 0, "two-thirds", False, "19 for, 10 against: 65.5% of 29 < 66.7% — failed"),
    (13, 7, 2, "two-thirds", False,
     "13 for, 7 against, 2 abstaining: 65% of 20 < 66.7% — failed"),
    # one vote short of two thirds, shown with enough decimals to read true
    (6665, 3335, 0, "two-thirds", False,
     "6665 for, 3335 against: 66.65% of 10000 < 66.67% — failed"),
    (11, 9, 0, "majority", True, "11 for, 9 against: 55% of 20 > 50% — carried"),
    (10, 10, 0, "majority", False, "10 for, 10 against: 50% of 20 ≤ 50% — failed"),
    (10, 10, 5, "two-thirds", False,
     "10 for, 10 against, 5 abstaining: 50% of 20 < 66.7% — failed"),
    (10001, 10000, 0, "majority", True,
     "10001 for, 10000 against: 50.002% of 20001 > 50% — carried"),
    (0, 0, 9, "majority", False, "0 for, 0 against, 9 abstaining: no vote for — failed"),
    (0, 0, 9, "unanimous", False, "0 for, 0 against, 9 abstaining: no vote for — failed"),
    (0, 0, 0, "two-thirds", False, "0 for, 0 against: no vote for — failed"),
    (12, 0, 3, "unanimous", True, "12 for, 0 against, 3 abstaining: nobody against — carried"),
    (12, 1, 0, "unanimous", False,
     "12 for, 1 against: 1 against, unanimity needed — failed"),
    (1, 0, 40, "majority", True, "1 for, 0 against, 40 abstaining: 100% of 1 > 50% — carried"),
]


@pytest.mark.parametrize("for_, against, abstain, threshold, carried, line", CASES)
def test_threshold_and_arithmetic(for_, against, abstain, threshold, carried, line):
    vote = Vote(for_, against, abstain, threshold)
    assert vote.carried is carried
    assert vote.result == ("carried" if carried else "failed")
    assert vote.arithmetic == line


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3000), st.integers(0, 3000), st.integers(0, 50),
       st.sampled_from(["majority", "two-thirds", "unanimous"]))
def test_whole_number_rules(for_, against, abstain, threshold):
    """The rule of each threshold, abstentions counting in neither side."""
    vote = Vote(for_, against, abstain, threshold)
    expected = {"majority": for_ > against, "two-thirds": 3 * for_ >= 2 * (for_ + against),
                "unanimous": against == 0}[threshold] and for_ > 0
    assert vote.carried is expected
    assert Vote(for_, against, 0, threshold).carried is expected
    assert vote.arithmetic.endswith("— carried" if expected else "— failed")
    assert Vote.from_dict(vote.to_dict()) == vote


@pytest.mark.parametrize("for_, against, unanimous", [
    (5, 0, True), (0, 5, True), (0, 0, True), (5, 1, False), (1, 5, False), (3, 3, False)])
def test_unanimous_means_nobody_on_the_losing_side(for_, against, unanimous):
    assert Vote(for_, against).unanimous is unanimous


@pytest.mark.parametrize("given, message", [
    ((-1, 0), "for: cannot be negative"),
    (("5x", 0), "for: must be a whole number"),
    ((True, 0), "for: must be a whole number"),
    ((0, "٣"), "against: must be a whole number"),
    ((0, 0, 100_001), "abstain: 100001 is more than 100,000"),
    ((1, 0, 0, "most"), "threshold: must be one of majority, two-thirds, unanimous"),
])
def test_counts_and_threshold_refused(given, message):
    with pytest.raises(ValidationError, match=message):
        Vote(*given)


def test_typed_counts_and_thresholds_accepted():
    assert Vote("14", " 6 ", "0", " Two-Thirds ") == Vote(14, 6, 0, "two-thirds")
    assert threshold_of("UNANIMOUS") == "unanimous"


def test_stored_vote_refuses_text_counts_and_missing_keys():
    with pytest.raises(ValidationError, match="counts are stored as numbers"):
        Vote.from_dict({"for": "3", "against": 1, "threshold": "majority"})
    with pytest.raises(ValidationError, match="vote, threshold: is missing"):
        Vote.from_dict({"for": 3, "against": 1})


@pytest.mark.parametrize("hands, attendance, outcome", [
    ((5, 3, 2), 10, None),
    ((5, 3, 3), 10, "refused"),
    ((5, 3, 2), 0, "warning"),
    ((0, 0, 0), 0, None),
])
def test_counts_checked_against_attendance(hands, attendance, outcome):
    vote = Vote(*hands)
    if outcome == "refused":
        with pytest.raises(ValidationError, match=r"votes: 11 hands .* more than the "
                                                  r"attendance \(10\)"):
            check_against_attendance(vote, attendance)
    elif outcome == "warning":
        assert check_against_attendance(vote, attendance).startswith("nobody signed in")
    else:
        assert check_against_attendance(vote, attendance) is None
