"""The rotating backups, written before the database and never short of a good copy.

A save that keeps a backup goes: the new content into a temporary beside the newest slot
(fsynced); the slots shift by renames (the oldest is set aside, not deleted); the temporary
becomes the newest slot; the folder is synced; only then is the database replaced. A failure
before the database is replaced puts every slot back as it was, so a failed save changes no
file; the oldest copy is deleted only once the database holds the new content.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.store.files import SavedNotDurable, write_temporary
from facilitator.store.platform_files import replace, sync_folder
from facilitator.store.paths import backup_paths


class BackupFailed(OSError):
    """The backup could not be written or rotated: the database was not touched.

    `undo_error` is set when the slots shifted so far could not all be put back.
    """

    def __init__(self, slot: Path, error: OSError, undo_error: OSError | None = None) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.slot = slot
        self.undo_error = undo_error


class BackupsNotPutBack(OSError):
    """The database was not replaced, and the slots could not all be put back."""

    def __init__(self, error: OSError, undo_error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.undo_error = undo_error


class Rotation:
    """One save's shift of the backup slots, which can be undone until it is finished."""

    def __init__(self, db_path: Path) -> None:
        self.slots = backup_paths(db_path)
        self._renames: list[tuple[Path, Path]] = []  # done so far, in order
        self._temporaries: list[Path] = []

    def stage(self, payload: bytes) -> None:
        """Make `payload` the newest backup, the others shifted down; BackupFailed if not."""
        try:
            newest = write_temporary(self.slots[0], payload)
            self._temporaries.append(newest)
            oldest = self.slots[-1]
            if oldest.exists():
                aside = oldest.with_name(f".{oldest.name}.{os.getpid()}.oldest.tmp")
                self._rename(oldest, aside)
                self._temporaries.append(aside)
            for older, newer in zip(reversed(self.slots), list(reversed(self.slots))[1:]):
                if newer.exists():
                    self._rename(newer, older)
            self._rename(newest, self.slots[0])
            sync_folder(self.slots[0].parent)
        except OSError as error:
            try:
                self.undo(error)
            except BackupsNotPutBack as failed:
                raise BackupFailed(self.slots[0], error, failed.undo_error) from None
            raise BackupFailed(self.slots[0], error) from None

    def undo(self, error: OSError) -> None:
        """Put every slot back as it was; BackupsNotPutBack when a rename back fails."""
        try:
            while self._renames:
                source, target = self._renames[-1]
                replace(target, source)
                self._renames.pop()
        except OSError as undo_error:
            self._temporaries[1:] = []  # the unsaved content goes; the oldest stays aside
            self._forget_temporaries()
            raise BackupsNotPutBack(error, undo_error) from None
        self._forget_temporaries()

    def finish(self) -> None:
        """The database holds the new content: the oldest copy set aside can go."""
        self._renames.clear()
        self._forget_temporaries()

    def _rename(self, source: Path, target: Path) -> None:
        replace(source, target)
        self._renames.append((source, target))

    def _forget_temporaries(self) -> None:
        for temporary in self._temporaries:
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass  # left for the next writer's clean-up; what was saved stands
        self._temporaries.clear()


@contextmanager
def backed_up(db_path: Path, payload: bytes) -> Iterator[None]:
    """Make `payload` the newest backup, then run the body, which replaces the database.

    An exception from the body puts the backups back as they were (SavedNotDurable aside:
    then the database holds the new content). Raises BackupFailed before the body runs
    when the backup cannot be made, BackupsNotPutBack when the undo fails.
    """
    rotation = Rotation(db_path)
    rotation.stage(payload)
    try:
        yield
    except SavedNotDurable:
        rotation.finish()
        raise
    except OSError as error:
        rotation.undo(error)
        raise
    except BaseException:
        rotation.undo(OSError("interrupted"))
        raise
    rotation.finish()
