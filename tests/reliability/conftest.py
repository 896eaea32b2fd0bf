"""Fixtures of the reliability tests; the sample data lives in sample_store.py."""

import importlib.util
from pathlib import Path

import pytest

from tests.reliability.sample_store import fill


@pytest.fixture
def populated(db_path: Path) -> Path:
    """db_path holding the sample meetings, records, settings and stock, closed."""
    return fill(db_path)


def _cli_fixtures():
    """run_cli and cli are defined once, in tests/cli/conftest.py; these tests run the CLI too."""
    source = Path(__file__).parents[1] / "cli" / "conftest.py"
    spec = importlib.util.spec_from_file_location("cli_fixtures", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _cli_fixtures()
run_cli, cli = _shared.run_cli, _shared.cli
