"""Reference data shipped inside the package (data, not code)."""

from functools import cache
from importlib import resources


@cache
def meeting_type_labels() -> dict[str, str]:
    """Meeting Guide type codes and their English labels."""
    text = resources.files("facilitator.data").joinpath("meeting-guide-types.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {row[0]: row[1] for row in rows}


def meeting_type_codes() -> frozenset[str]:
    return frozenset(meeting_type_labels())
