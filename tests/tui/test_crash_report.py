"""The crash log: types and places in the code, never a message, a local or a home folder."""

import os
import stat
from datetime import datetime

import pytest
from textual.worker import WorkerFailed

from facilitator.store import crash_log
from facilitator.store.crash_log import append_crash_report, crash_log_path
from facilitator.tui.crash_report import crash_report, short_path

WHEN = datetime(2024, 3, 5, 19, 0)


def failing_with_a_cause() -> BaseException:
    name = "Zoe"  # a local holding a name
    try:
        try:
            {}[name]
        except KeyError as error:
            raise ValueError(f"could not sign in {name}") from error
    except ValueError as error:
        return error


def test_a_report_names_types_and_places_only():
    report = crash_report(failing_with_a_cause(), "action sign_in", "recovered", WHEN)
    lines = report.splitlines()
    assert lines[0] == "--- 2024-03-05 19:00:00 recovered in action sign_in"
    assert lines[1].startswith("facilitator ") and ", textual " in lines[1]
    assert "builtins.ValueError" in lines and "caused by builtins.KeyError" in lines
    frames = [line for line in lines if line.startswith("  ")]
    assert frames and all(line.startswith("  tests/tui/test_crash_report.py:") for line in frames)
    assert "Zoe" not in report and "sign in" not in report


def test_a_failed_worker_reports_what_failed_in_it():
    report = crash_report(WorkerFailed(failing_with_a_cause()), "", "stopped", WHEN)
    assert "textual.worker.WorkerFailed" in report and "caused by builtins.ValueError" in report
    assert "Zoe" not in report and report.startswith("--- 2024-03-05 19:00:00 stopped\n")


def test_a_cycle_of_causes_ends():
    first, second = ValueError("a"), KeyError("b")
    first.__context__, second.__context__ = second, first
    assert crash_report(first, "", "stopped", WHEN).count("caused by") == 1


@pytest.mark.parametrize(("path", "shown"), [
    (os.path.join(os.path.dirname(crash_log.__file__), "crash_log.py"),
     "facilitator/store/crash_log.py"),
    ("/home/zoe/notes/script.py", "script.py"),
])
def test_paths_are_cut_to_the_package_or_the_name(path, shown):
    assert short_path(path) == shown


def test_reports_are_appended_readable_by_the_owner_alone(db_path):
    db_path.write_text("{}")
    path = append_crash_report(db_path, "--- one\n")
    assert path == crash_log_path(db_path) == db_path.with_name("facilitator.json.crash.log")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)  # someone loosened it: the next report tightens it again
    append_crash_report(db_path, "--- two\n")
    assert path.read_text() == "--- one\n--- two\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_symlink_in_the_logs_place_is_not_followed(db_path, tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    crash_log_path(db_path).symlink_to(target)
    with pytest.raises(OSError):
        append_crash_report(db_path, "--- one\n")
    assert target.read_text() == "keep"


def test_the_log_stays_small(db_path, monkeypatch):
    monkeypatch.setattr(crash_log, "LIMIT_BYTES", 100)
    for number in range(20):
        append_crash_report(db_path, f"--- report {number:02d}\n")
    text = crash_log_path(db_path).read_text()
    assert len(text) < 300 and text.endswith("--- report 19\n")
    assert "earlier reports were removed" in text
