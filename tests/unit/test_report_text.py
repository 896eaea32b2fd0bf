"""What a business meeting's report box opens with."""

from datetime import date

import pytest

from facilitator.core.business.minutes import Minutes, Report
from facilitator.core.business.report_text import report_start, treasurer_summary
from facilitator.core.treasury.entry import Entry
from facilitator.core.treasury.position import position

DAY = date(2024, 3, 5)
TREASURY = position([Entry("opening", date(2023, 1, 1), 100000),
                     Entry("expense", date(2023, 2, 3), 2550, category="rent")],
                    [(date(2024, 3, 1), 4725)], DAY, currency="EUR", reserve_months=3, plan=())
GIVEN = Minutes("Group", DAY, reports=(Report("Treasurer's report", "as read"),))


def test_the_treasurers_summary_is_one_line_of_figures():
    assert treasurer_summary(TREASURY) == (
        f"Balance 1,021.75 EUR; prudent reserve {TREASURY.reserve_target / 100:,.2f} EUR "
        f"(3 months); available to send on {TREASURY.available / 100:,.2f} EUR.")


@pytest.mark.parametrize(("minutes", "section", "treasury", "expected"), [
    (None, "Secretary's report", TREASURY, ""),
    (None, "Treasurer's report", None, ""),
    (None, "TREASURY", TREASURY, treasurer_summary(TREASURY)),
    (GIVEN, "treasurer's REPORT", TREASURY, "as read"),  # the words given win
    (GIVEN, "GSR / intergroup report", None, ""),
])
def test_the_box_opens_with_the_words_given_else_the_treasury(minutes, section, treasury,
                                                               expected):
    assert report_start(minutes, section, treasury) == expected
