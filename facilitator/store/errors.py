"""Errors about the database file; each carries its exit status."""

from pathlib import Path

from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import _


class UnreadableDatabase(FacilitatorError):
    """The file exists but cannot be read: never treated as empty, never overwritten."""

    exit_status = 2

    def __init__(self, path: Path, problem: str, newest_backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
        if newest_backup:
            fix = _("newest backup: {backup}; `facilitator doctor --restore` puts it "
                    "back").format(backup=newest_backup)
        else:
            fix = _("no backup found")
        # Translators: {problem} says why; {fix} is "newest backup: …" or "no backup found".
        super().__init__(_("database {path} cannot be read ({problem}); nothing was changed; "
                           "{fix}").format(path=path, problem=problem, fix=fix))


class DatabaseTooNew(FacilitatorError):
    """Written by a newer facilitator: left untouched."""

    exit_status = 2

    def __init__(self, path: Path, version: int, known: int) -> None:
        super().__init__(_(
            "database {path} has schema version {version}, newer than this facilitator "
            "understands ({known}); upgrade facilitator; the file was not changed"
        ).format(path=path, version=version, known=known))


class DatabaseLocked(FacilitatorError):
    """Another facilitator (the app or a command) is writing to this database."""

    exit_status = 3

    def __init__(self, path: Path) -> None:
        super().__init__(_(
            "database {path} is in use by another facilitator (the app or a command); "
            "close it and try again; nothing was written"
        ).format(path=path))


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
            if undo:
                message = _("could not save {path}: its backup {backup} could not be written "
                            "({reason}); nothing was saved, the previous version is intact, but "
                            "the backups could not all be put back in their places ({undo}); "
                            "`facilitator doctor` lists them")
            else:
                message = _("could not save {path}: its backup {backup} could not be written "
                            "({reason}); nothing was saved, the previous version is intact and "
                            "so are its backups")
            message = message.format(path=path, backup=error.slot.name, reason=reason, undo=undo)
        elif isinstance(error, BackupsNotPutBack):
            message = _("could not save {path} ({reason}); nothing was saved, the previous "
                        "version is intact, but the backups could not all be put back in their "
                        "places ({undo}) and the newest may hold the change that was not saved; "
                        "`facilitator doctor` lists them").format(path=path, reason=reason,
                                                                   undo=undo)
        elif isinstance(error, SavedNotDurable):
            message = _("saved {path}, but the disk reported an error while making it "
                        "permanent ({reason}); check the disk, then `facilitator "
                        "doctor`").format(path=path, reason=reason)
        else:
            message = _("could not save {path} ({reason}); the previous version is "
                        "intact").format(path=path, reason=reason)
        super().__init__(message)


class DatabasePathRefused(FacilitatorError):
    """The database path names something that is not a database file: nothing is touched."""

    exit_status = 2
