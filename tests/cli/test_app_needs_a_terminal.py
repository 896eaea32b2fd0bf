"""The app started where there is no terminal (`facilitator > file`, a script, a pipe) says so
in one line and exits, instead of drawing into the pipe and keeping a core busy unseen."""

import pytest

from facilitator.core.schedule.meeting import Meeting
from facilitator.store.database import Database

LINE = ("facilitator: the app needs a terminal to draw in; start it in one (commands such as "
        "`facilitator history` run anywhere)\n")


@pytest.mark.parametrize("stdin", [None, "", "\x1bOQ\r"])  # the caller's, an ended pipe, keys
def test_the_app_without_a_terminal_is_one_line_and_exit_1(run_cli, db_path, stdin):
    with Database.open(db_path) as database:
        database.add_meeting(Meeting(name="Tuesday Night"))
    before = db_path.read_bytes()
    assert run_cli(input=stdin, timeout=30) == (1, "", LINE)
    assert db_path.read_bytes() == before  # nothing written, nothing started


def test_a_new_database_is_not_made_by_a_refused_start(run_cli, db_path):
    assert run_cli(input="", timeout=30) == (1, "", LINE)
    assert not db_path.exists()


def test_the_room_display_without_a_terminal_is_refused_alike(run_cli, db_path):
    assert run_cli("display", input="", timeout=30) == (1, "", LINE)
    assert not db_path.exists()


def test_the_demo_without_a_terminal_makes_no_database(run_cli, tmp_path):
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    assert run_cli("demo", input="", env={"TMPDIR": str(temporary)}) == (1, "", LINE)
    assert list(temporary.iterdir()) == []
    code, out, _err = run_cli("demo", "--no-open", env={"TMPDIR": str(temporary)})
    assert code == 0 and out.startswith(str(temporary))  # where the demo goes, when it is made
