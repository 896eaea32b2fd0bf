"""Errors about the database file; each carries its exit status."""

from pathlib import Path

from facilitator.core.errors import FacilitatorError


class UnreadableDatabase(FacilitatorError):
    """The file exists but cannot be read: never treated as empty, never overwritten."""

    exit_status = 2

    def __init__(self, path: Path, problem: str, newest_backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
        if newest_backup:
            fix = f"newest backup: {newest_backup}; `facilitator doctor --restore` puts it back"
        else:
            fix = "no backup found"
        super().__init__(f"database {path} cannot be read ({problem}); nothing was changed; {fix}")


class DatabaseTooNew(FacilitatorError):
    """Written by a newer facilitator: left untouched."""

    exit_status = 2

    def __init__(self, path: Path, version: int, known: int) -> None:
        super().__init__(
            f"database {path} has schema version {version}, newer than this facilitator "
            f"understands ({known}); upgrade facilitator; the file was not changed"
        )


class DatabaseLocked(FacilitatorError):
    """Another facilitator (the app or a command) is writing to this database."""

    exit_status = 3

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"database {path} is in use by another facilitator (the app or a command); "
            f"close it and try again; nothing was written"
        )


class StorageFailed(FacilitatorError):
    """Writing failed (disk full, permissions); the message says what is on disk now."""

    exit_status = 2

    def __init__(self, path: Path, error: OSError) -> None:
        from facilitator.store.backups import BackupFailed, BackupsNotPutBack
        from facilitator.store.files import SavedNotDurable

        reason = error.strerror or str(error)
        undo_error = getattr(error, "undo_error", None)
        undo = undo_error and (undo_error.strerror or str(undo_error))
        if isinstance(error, BackupFailed):
            message = (f"could not save {path}: its backup {error.slot.name} could not be "
                       f"written ({reason}); nothing was saved, the previous version is intact")
            message += (f", but the backups could not all be put back in their places ({undo}); "
                        "`facilitator doctor` lists them") if undo else " and so are its backups"
        elif isinstance(error, BackupsNotPutBack):
            message = (f"could not save {path} ({reason}); nothing was saved, the previous "
                       f"version is intact, but the backups could not all be put back in their "
                       f"places ({undo}) and the newest may hold the change that was not saved; "
                       "`facilitator doctor` lists them")
        elif isinstance(error, SavedNotDurable):
            message = (f"saved {path}, but the disk reported an error while making it "
                       f"permanent ({reason}); check the disk, then `facilitator doctor`")
        else:
            message = f"could not save {path} ({reason}); the previous version is intact"
        super().__init__(message)


class DatabasePathRefused(FacilitatorError):
    """The database path names something that is not a database file: nothing is touched."""

    exit_status = 2
