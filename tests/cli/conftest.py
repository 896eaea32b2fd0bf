"""`run_cli`: run the real `python -m facilitator` in a child process; `cli`: run the
command line in this process (faster, same answers).

    def test_list(run_cli, db_path):
        code, out, err = run_cli("meetings", "list")
        assert (code, err) == (0, "")

Each call returns (exit status, stdout, stderr) as text. The child gets
FACILITATOR_DB=<db_path> (the shared fixture from tests/conftest.py), and HOME /
XDG_DATA_HOME inside the test's tmp folder so the real user database is never touched.
Options: `env={"NAME": "value"}` adds variables (a value of None removes one),
`input="text"` is fed to stdin, `cwd=` runs it elsewhere (default: the test's tmp folder).
"""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.clock import Clock

REPO = Path(__file__).resolve().parents[2]

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(db_path: Path, tmp_path: Path) -> RunCli:
    """Run `python -m facilitator ARGS…`; returns (code, stdout, stderr)."""
    home = tmp_path / "home"

    def run(*args: object, env: dict[str, str | None] | None = None, input: str | None = None,
            cwd: Path | None = None, timeout: float = 60) -> tuple[int, str, str]:
        environment = {
            **os.environ,
            "FACILITATOR_DB": str(db_path),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
            "PYTHONIOENCODING": "utf-8",
        }
        for name, value in (env or {}).items():
            if value is None:
                environment.pop(name, None)
            else:
                environment[name] = value
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", *map(str, args)],
            input=input, capture_output=True, text=True, encoding="utf-8",
            env=environment, cwd=cwd or tmp_path, timeout=timeout,
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture
def cli(db_path: Path, monkeypatch, capsys) -> RunCli:
    """Run `facilitator ARGS…` in this process on FACILITATOR_DB=<db_path>.

    Returns (exit status, stdout, stderr); a usage error's SystemExit becomes its status.
    `clock=` gives the command a FakeClock instead of the system's.
    """
    monkeypatch.setenv("FACILITATOR_DB", str(db_path))
    from facilitator.cli import main

    def run(*argv: object, clock: Clock | None = None) -> tuple[int, str, str]:
        try:
            status = main([str(arg) for arg in argv], clock)
        except SystemExit as exit:
            status = exit.code
        out, err = capsys.readouterr()
        return status, out, err

    return run
