"""The database, its backups and its lock are private (0600); a new folder is 0700."""

import os
import stat
from collections.abc import Iterator

import pytest
from tests.reliability.sample_store import fill, write_version_0

from facilitator.store.database import Database
from facilitator.store.paths import backup_paths, lock_path, migration_backup_path


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask 022", "umask 000"])
def umask(request) -> Iterator[int]:
    """Even a permissive umask must not make the files readable by others."""
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def test_database_backups_and_lock_are_0600(tmp_path, umask):
    db_path = tmp_path / "new" / "folder" / "facilitator.json"
    fill(db_path)
    files = [db_path, lock_path(db_path), *backup_paths(db_path)]
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert [mode(folder) for folder in (db_path.parent, db_path.parent.parent)] == [0o700] * 2


def test_the_migration_copy_is_0600(db_path, umask):
    write_version_0(db_path)
    db_path.chmod(0o644)
    with Database.open(db_path) as database:
        database.save_settings(database.settings().edit(currency="EUR"))
    assert mode(migration_backup_path(db_path, 0)) == 0o600
    assert mode(db_path) == 0o600  # rewritten, migrated, with the first change


def test_a_file_made_readable_by_others_is_private_again_after_a_save(populated):
    populated.chmod(0o644)
    with Database.open(populated) as database:
        database.save_settings(database.settings().edit(currency="EUR"))
    assert mode(populated) == 0o600


def test_an_existing_folder_is_left_as_it_is(tmp_path):
    """The user's own folder keeps the mode they chose."""
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    fill(folder / "facilitator.json")
    assert mode(folder) == 0o755
    assert mode(folder / "facilitator.json") == 0o600


def test_the_command_line_creates_a_private_folder_and_file(db_path, run_cli, tmp_path):
    target = tmp_path / "made" / "by" / "cli" / "facilitator.json"
    code, _, err = run_cli("--db", target, "meetings", "add", "Tuesday Night")
    assert (code, err) == (0, "")
    assert (mode(target.parent), mode(target)) == (0o700, 0o600)
