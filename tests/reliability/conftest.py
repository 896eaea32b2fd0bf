"""Fixtures of the reliability tests; the sample data lives in sample_store.py."""

import importlib.util
import sys
from pathlib import Path

import pytest

# Tests run with --import-mode=importlib, which puts no test folder on sys.path: let the
# tests here import their shared sample data as `sample_store`.
sys.path.insert(0, str(Path(__file__).parent))

from sample_store import fill  # noqa: E402


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
