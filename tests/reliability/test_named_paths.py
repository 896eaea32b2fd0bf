"""Every path a person names is checked in one place: outputs never land on a database,
inputs and the database path are never a folder, pipe or device, links are followed."""

import errno
import hashlib
import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.reliability.sample_store import MEETINGS, fill

from facilitator.core.records.record import Record
from facilitator.store.database import Database
from facilitator.store.errors import DatabaseLocked
from facilitator.store.paths import backup_paths, journal_path, lock_path
from facilitator.store.readings import ReadingUnavailable, load_reading

HANG_LIMIT = 30  # seconds: a command that waits on a pipe is killed and the test fails


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("facilitator: "), err
    assert "Traceback" not in err
    return err


def folder_listing(folder: Path) -> dict[str, int]:
    return {path.name: path.lstat().st_mode for path in folder.iterdir()}


@pytest.fixture
def run(cli, run_cli):
    """The command line in this process, or, where a pipe could make it wait, in a child
    process with a time limit."""
    def run(*arguments, waits_on_a_pipe: bool):
        return run_cli(*arguments, timeout=HANG_LIMIT) if waits_on_a_pipe else cli(*arguments)
    return run


# -- outputs --------------------------------------------------------------------------------

def _companion(name):
    return lambda db, elsewhere: db.with_name(db.name + name)


def _made(name: str, make, source=lambda db: db):
    """`make(source, target)` (os.symlink, os.link, shutil.copy) at `name` in the other folder."""
    def build(db, elsewhere):
        make(source(db), elsewhere / name)
        return elsewhere / name
    return build


def _newest_backup(db):
    return backup_paths(db)[0]


def _symlink_to_folder_link(db, elsewhere):
    """A link to the database's folder, then the database's name inside it."""
    (elsewhere / "data-link").symlink_to(db.parent, target_is_directory=True)
    return elsewhere / "data-link" / db.name


def _another_groups_database(db, elsewhere):
    other = elsewhere / "north-group.json"
    fill(elsewhere / "north" / "facilitator.json")
    shutil.copy(elsewhere / "north" / "facilitator.json", other)
    return other


def _a_journal_elsewhere(db, elsewhere):
    journal = elsewhere / "meeting.log"
    journal.write_bytes(b'{"n":0,"t":0.0,"wall":"2024-03-05T19:00:00","a":{"type":"start"}}\n')
    return journal


REFUSED_OUTPUTS = {
    "the database": lambda db, elsewhere: db,
    "the newest backup": _companion(".bak"),
    "an older backup": _companion(".bak.2"),
    "a migration backup": _companion(".v0.bak"),
    "the journal": _companion(".journal"),
    "the lock": _companion(".lock"),
    "a damaged copy set aside": _companion(".broken-20240305T190000"),
    "a symlink to the database": _made("innocent.csv", os.symlink),
    "the database through a linked folder": _symlink_to_folder_link,
    "a hard link to the database": _made("innocent.csv", os.link),
    "a hard link to a backup": _made("old.csv", os.link, _newest_backup),
    "another group's database": _another_groups_database,
    "a copy of a backup": _made("saved.json.bak", shutil.copy, _newest_backup),
    "a meeting's journal elsewhere": _a_journal_elsewhere,
}
REASONS = {
    "the database": "is the database",
    "the newest backup": "is a backup of the database",
    "an older backup": "is a backup of the database",
    "a migration backup": "is a backup of the database",
    "the journal": "is the database's journal",
    "the lock": "is the database's lock",
    "a damaged copy set aside": "is a damaged database set aside",
    "a symlink to the database": "is the database (",
    "the database through a linked folder": "is the database (",
    "a hard link to the database": "is the same file as the database",
    "a hard link to a backup": "is the same file as a backup of the database",
    "another group's database": "holds a facilitator database",
    "a copy of a backup": "holds a facilitator database",
    "a meeting's journal elsewhere": "holds a meeting's live journal",
}


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.fixture
def export_json(populated, elsewhere, cli) -> Path:
    path = elsewhere / "group.json"
    assert cli("--db", populated, "export", "--format", "json", "-o", path)[0] == 0
    return path


def write_command(command: str, target: Path, export_json: Path) -> list:
    if command == "export":
        return ["export", "--format", "csv", "-o", target]
    return ["merge", export_json, "-o", target]


@pytest.mark.parametrize("command", ["export", "merge"])
@pytest.mark.parametrize("case", REFUSED_OUTPUTS)
def test_an_output_onto_a_database_file_is_refused(populated, elsewhere, export_json, cli,
                                                   command, case):
    """Exit 1, one line naming what the file is, no byte of any file changed."""
    target = REFUSED_OUTPUTS[case](populated, elsewhere)
    if not target.exists():
        target.write_bytes(b"")  # the journal or the lock, as the app would leave them
    before = {path: sha256(path) for path in [populated, *backup_paths(populated), target]
              if path.exists()}
    listings = folder_listing(populated.parent), folder_listing(elsewhere)
    code, out, err = cli("--db", populated, *write_command(command, target, export_json))
    assert (code, out) == (1, "")
    assert one_line(err).startswith(f"facilitator: output: {target} ")
    assert REASONS[case] in err and err.rstrip().endswith("(nothing was written)")
    assert {path: sha256(path) for path in before} == before
    assert (folder_listing(populated.parent), folder_listing(elsewhere)) == listings


def test_the_database_named_by_the_environment_is_protected_too(populated, cli):
    """FACILITATOR_DB (no --db) names the database: -o onto it is refused all the same."""
    before = sha256(populated)
    code, _, err = cli("export", "--format", "csv", "-o", populated)  # cli sets FACILITATOR_DB
    assert code == 1 and "is the database" in one_line(err)
    assert sha256(populated) == before


def test_a_database_not_yet_created_is_still_not_an_output(data_dir, cli, tmp_path):
    """Before the first meeting there is no file, but its name is still the database's."""
    db = data_dir / "facilitator.json"
    code, _, err = cli("--db", db, "merge", tmp_path / "x.json", "-o", db)
    assert code == 1 and "is the database" in one_line(err)
    assert list(data_dir.iterdir()) == []


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.csv")
    return folder / "pipe.csv"


def _folder(folder: Path) -> Path:
    (folder / "reports").mkdir()
    return folder / "reports"


def _dangling(folder: Path) -> Path:
    (folder / "gone.csv").symlink_to(folder / "nowhere" / "gone.csv")
    return folder / "gone.csv"


def _link_to_dev_null(folder: Path) -> Path:
    (folder / "null.csv").symlink_to("/dev/null")
    return folder / "null.csv"


NOT_FILES = {
    "a FIFO": (_fifo, "is a pipe (FIFO)"),
    "a folder": (_folder, "is a folder"),
    # Through a link of the test's own: a regression would replace the link, never the device.
    "a device": (_link_to_dev_null, "is a device"),
    "a dangling link": (_dangling, "which does not exist"),
    "a folder that does not exist": (lambda folder: folder / "no" / "out.csv",
                                     "does not exist"),
}


@pytest.mark.parametrize("command", ["export", "merge"])
@pytest.mark.parametrize("case", NOT_FILES)
def test_an_output_that_is_not_a_file_is_refused_without_waiting(populated, elsewhere,
                                                                 export_json, run, command,
                                                                 case):
    """A real process with a time limit: exit 1, one line, nothing written or created."""
    make, reason = NOT_FILES[case]
    target = make(elsewhere)
    before = sha256(populated), folder_listing(elsewhere), folder_listing(populated.parent)
    code, out, err = run("--db", populated, *write_command(command, target, export_json),
                         waits_on_a_pipe="FIFO" in case)
    assert (code, out) == (1, "")
    assert reason in one_line(err) and str(target) in err
    assert (sha256(populated), folder_listing(elsewhere),
            folder_listing(populated.parent)) == before


def test_an_output_link_is_followed_and_stays_a_link(populated, elsewhere, cli):
    """-o through a link to a report replaces the report; the link is still a link."""
    report = elsewhere / "report.csv"
    report.write_text("old report\n")
    link = elsewhere / "latest.csv"
    link.symlink_to(report)
    code, out, err = cli("--db", populated, "export", "--format", "csv", "-o", link)
    assert (code, err) == (0, "") and str(link) in out
    assert link.is_symlink() and report.read_text().startswith("date,meeting,attendance")


def test_an_output_that_cannot_be_written_whole_leaves_the_old_file_and_no_temporary(
        populated, elsewhere, cli, monkeypatch):
    """The disk fills while writing: the old report stays, byte for byte, and nothing else."""
    report = elsewhere / "report.csv"
    report.write_bytes(b"last month's report\n")
    real_write = os.write

    def write(fd, data):
        real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)
    code, out, err = cli("--db", populated, "export", "--format", "csv", "-o", report)
    monkeypatch.undo()
    assert (code, out) == (1, "")
    assert one_line(err) == (f"facilitator: output: cannot write {report} (No space left on "
                             "device); nothing was written\n")
    assert report.read_bytes() == b"last month's report\n"
    assert [path.name for path in elsewhere.iterdir()] == ["report.csv"]


# -- inputs ---------------------------------------------------------------------------------

def reading_commands(path: Path, export_json: Path) -> dict[str, list]:
    return {
        "import": ["import", path],
        "meetings import": ["meetings", "import", path],
        "meetings format --from-file": ["meetings", "format", MEETINGS[0].name,
                                        "--from-file", path],
        "merge (an input)": ["merge", export_json, path, "-o", path.parent / "out.json"],
    }


INPUT_COMMANDS = list(reading_commands(Path("x"), Path("y")))
NOT_INPUTS = {
    "a FIFO": (_fifo, "is a pipe (FIFO), not a file"),
    "a folder": (_folder, "is a folder, not a file"),
    "/dev/zero": (lambda folder: Path("/dev/zero"), "is a device, not a file"),
    "a dangling link": (_dangling, "is a link to {target}, which does not exist"),
}


@pytest.mark.parametrize("command", INPUT_COMMANDS)
@pytest.mark.parametrize("case", NOT_INPUTS)
def test_every_command_refuses_an_input_that_is_not_a_file(populated, elsewhere, export_json,
                                                           run, command, case):
    """Exit 1 at once (a pipe is never waited on), one line naming the file, nothing written."""
    make, reason = NOT_INPUTS[case]
    path = make(elsewhere)
    before = sha256(populated), folder_listing(populated.parent), folder_listing(elsewhere)
    arguments = reading_commands(path, export_json)[command]
    code, out, err = run("--db", populated, *arguments, waits_on_a_pipe="FIFO" in case)
    assert (code, out) == (1, "")
    reason = reason.format(target=elsewhere / "nowhere" / "gone.csv")
    assert f"{path} {reason}" in one_line(err)
    assert (sha256(populated), folder_listing(populated.parent),
            folder_listing(elsewhere)) == before


def in_a_thread(function, *args):
    """Run `function` with a time limit; a call that blocks fails the test instead of hanging."""
    outcome: list = []

    def run():
        try:
            outcome.append(function(*args))
        except Exception as error:  # noqa: BLE001 - handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_LIMIT)
    assert outcome, f"{function.__name__} blocked"
    return outcome[0]


@pytest.mark.parametrize("case", ["a FIFO", "a folder", "a dangling link"])
def test_a_reading_file_that_is_not_a_file_is_one_line_not_a_wait(db_path, case):
    readings = db_path.parent / "readings"
    readings.mkdir()
    made = NOT_INPUTS[case][0](readings)
    outcome = in_a_thread(load_reading, made.name, db_path)
    assert isinstance(outcome, ReadingUnavailable)
    assert str(outcome).startswith(f"reading: {made} ") and "\n" not in str(outcome)


def test_a_ladder_file_that_is_a_fifo_does_not_block_chips(populated, run_cli):
    ladders = populated.parent / "ladders"
    ladders.mkdir()
    os.mkfifo(ladders / "ours.txt")
    code, out, err = run_cli("--db", populated, "chips", "2024-01-01", "--ladder", "ours",
                             timeout=HANG_LIMIT)
    assert (code, out) == (1, "") and "ours" in one_line(err)


# -- the database path ----------------------------------------------------------------------

def test_a_record_added_through_a_symlink_lands_in_the_target(populated, elsewhere, run_cli):
    """The link stays a link; the lock, journal and backups are beside the real file."""
    link = elsewhere / "our-group.json"
    link.symlink_to(populated)
    code, out, err = run_cli("--db", link, "record", "--meeting", "Friday Step", "--date",
                             "2024-03-15", "--attendance", "11")
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(populated)
    assert [path.name for path in elsewhere.iterdir()] == ["our-group.json"]
    with Database.open(populated, writer=False) as database:
        assert database.find_record("Friday Step", Record.from_dict(
            {"meeting": "Friday Step", "date": "2024-03-15", "attendance": 11}).date)
    assert b"2024-03-15" in backup_paths(populated)[0].read_bytes()
    assert lock_path(populated).exists()


def test_two_links_to_one_database_share_one_lock(populated, elsewhere):
    first, second = elsewhere / "a.json", elsewhere / "b.json"
    first.symlink_to(populated)
    second.symlink_to(first)
    with Database.open(first) as database:
        assert database.path == populated
        with pytest.raises(DatabaseLocked):
            Database.open(second)


def test_the_app_keeps_its_journal_beside_the_real_file(populated, elsewhere):
    from facilitator.store.named_paths import resolve_db_path

    link = elsewhere / "db.json"
    link.symlink_to(populated)
    assert journal_path(resolve_db_path(str(link))) == journal_path(populated)


def _link_to_folder(folder: Path) -> tuple[Path, Path]:
    target = folder / "a-folder"
    target.mkdir()
    (folder / "db.json").symlink_to(target)
    return folder / "db.json", target


def _dangling_database(folder: Path) -> tuple[Path, Path]:
    (folder / "db.json").symlink_to(folder / "moved-away.json")
    return folder / "db.json", folder / "moved-away.json"


def _link_to_fifo(folder: Path) -> tuple[Path, Path]:
    os.mkfifo(folder / "pipe")
    (folder / "db.json").symlink_to(folder / "pipe")
    return folder / "db.json", folder / "pipe"


BAD_LINKS = {
    "a dangling link": (_dangling_database, "which does not exist; nothing was created"),
    "a link to a folder": (_link_to_folder, "which is a folder, not a database file"),
    "a link to a FIFO": (_link_to_fifo, "which is a pipe (FIFO), not a database file"),
}
DATABASE_COMMANDS = [
    ["meetings", "list"],
    ["meetings", "add", "Sunday Serenity"],
    ["record", "--meeting", "X", "--date", "2024-03-05", "--attendance", "3"],
    ["history"],
    ["export", "--format", "json"],
    ["chips", "stock"],
    ["doctor"],
    ["doctor", "--restore"],
]


@pytest.mark.parametrize("arguments", DATABASE_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("case", BAD_LINKS)
def test_a_database_link_to_nothing_usable_is_exit_2_naming_both(elsewhere, run, case,
                                                                 arguments):
    """Never created, never read as empty: every command exits 2 naming the link and target."""
    make, reason = BAD_LINKS[case]
    link, target = make(elsewhere)
    before = folder_listing(elsewhere)
    code, out, err = run("--db", link, *arguments, waits_on_a_pipe="FIFO" in case)
    assert (code, out) == (2, "")
    assert one_line(err).startswith(f"facilitator: database {link} is a link to {target}, "
                                    f"{reason}")
    assert folder_listing(elsewhere) == before


@pytest.mark.parametrize("arguments", DATABASE_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("kind", ["a FIFO", "a folder"])
def test_a_database_path_that_is_not_a_file_never_hangs_a_command(elsewhere, run, kind,
                                                                  arguments):
    """Today's hang: a FIFO at the database path. Now exit 2 at once, from every command."""
    path = elsewhere / "facilitator.json"
    os.mkfifo(path) if kind == "a FIFO" else path.mkdir()
    word = "a pipe (FIFO)" if kind == "a FIFO" else "a folder"
    code, out, err = run("--db", path, *arguments, waits_on_a_pipe=kind == "a FIFO")
    assert (code, out) == (2, "")
    assert one_line(err) == (f"facilitator: database {path} is {word}, not a database "
                             "file; nothing was changed\n")
    assert sorted(path.name for path in elsewhere.iterdir()) == ["facilitator.json"]


def test_a_fifo_in_place_of_a_backup_is_passed_over(populated, run_cli):
    """doctor lists it as not readable instead of waiting on it."""
    newest = backup_paths(populated)[0]
    newest.unlink()
    os.mkfifo(newest)
    code, out, err = run_cli("--db", populated, "doctor", timeout=HANG_LIMIT)
    assert code == 0 and f"backup {newest.name}: " in out and "NOT readable" in out


# -- path texts -----------------------------------------------------------------------------

# Line breaks are left out: escaping what an error echoes is the job of the one escape
# function for text going out; here only the path handling is under test.
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from(
    ["/", ".", "~", "\x00", "\udcff", "\x1b", "\u202e", " ", "-", "\t"]), max_size=40)


def relative(text: str) -> bool:
    """Only names inside the test's own folder: no absolute path, no way up, no home."""
    return not text.startswith(("/", "~")) and ".." not in text.split("/")


many_path_texts = settings(max_examples=100, deadline=None,
                           suppress_health_check=[HealthCheck.function_scoped_fixture])


def inside_work_folder(tmp_path: Path, monkeypatch) -> Path:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    monkeypatch.chdir(work)
    return work


@many_path_texts
@given(name=SAFE_TEXT.filter(relative))
def test_any_output_name_is_written_or_refused_in_one_line(populated, tmp_path, cli,
                                                           monkeypatch, name):
    """Exit 0 (a file was written) or 1 (one line); the database is never touched."""
    inside_work_folder(tmp_path, monkeypatch)
    before = sha256(populated)
    code, out, err = cli(f"--db={populated}", "export", "--format", "csv", f"--output={name}")
    assert code in (0, 1)
    if code:
        one_line(err)
    else:
        assert err == "" and Path(name).expanduser().is_file()
    assert sha256(populated) == before


@many_path_texts
@given(name=SAFE_TEXT.filter(relative))
def test_any_database_or_input_name_is_read_or_refused_in_one_line(populated, tmp_path, cli,
                                                                   monkeypatch, name):
    """--db and an import file: exit 0, 1 or 2 with one line; the real database unchanged,
    and nothing created by commands that only read."""
    work = inside_work_folder(tmp_path, monkeypatch)
    before = sha256(populated)
    code, _, err = cli(f"--db={name}", "meetings", "list")
    assert code in (0, 1, 2) and (code == 0 or one_line(err))
    code, _, err = cli(f"--db={populated}", "import", "--", name)
    assert code in (1, 2) and one_line(err)
    assert sha256(populated) == before
    assert os.listdir(work) == []
