"""Fixtures of the reliability tests; the sample data lives in sample_store.py."""

from pathlib import Path

import pytest
from sample_store import fill


@pytest.fixture
def populated(db_path: Path) -> Path:
    """db_path holding the sample meetings, records, settings and stock, closed."""
    return fill(db_path)
