"""Every path a person names is resolved and checked here, before anything is opened.

The database (--db, FACILITATOR_DB or the default) is followed through a link to the real
file: the file is updated and the link stays a link. The lock, the journal, the backups and
the readings/ and ladders/ folders live beside that real file, so two links to one database
share one lock. A dangling link, or one to something that is not a regular file, is refused
(exit 2) naming both paths: it is never created, never treated as empty.

A file a command reads (import, merge, meetings import, meetings format --from-file, a
reading, a ladder) or writes (-o) must be a regular file: a folder, pipe, device or socket is
refused from a stat before any open, and no open waits on a pipe. An output is never the
database, one of its companions (backup, journal, lock, a damaged copy set aside, a
temporary), the same file under another name, nor any file that holds a facilitator
database or a meeting's journal; it is written whole or not at all.
"""

import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.store.errors import DatabasePathRefused
from facilitator.store.files import (NotARegularFile, SavedNotDurable, atomic_write, kind_of,
                                     read_regular)
from facilitator.store.paths import DB_ENV, default_db_path

# What a database, a backup of one or a live journal starts with.
_DATABASE_START = re.compile(
    rb'\A(\xef\xbb\xbf)?\s*\{\s*"(schema_version|tables|_default|meetings|records|settings|stock)"'
    rb"\s*:")
_JOURNAL_START = re.compile(rb'\A\{\s*"n"\s*:\s*0\s*,')
_SNIFF_BYTES = 4096


# -- the database -----------------------------------------------------------------------

def chosen_database(option: str | None, environ: dict | None = None) -> Path:
    """The path as named: --db wins, then FACILITATOR_DB, then the default; not checked."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return _as_path(option, "--db")
    if environ.get(DB_ENV):
        return _as_path(environ[DB_ENV], DB_ENV)
    return default_db_path()


def resolve_db_path(option: str | None, environ: dict | None = None) -> Path:
    """The real database file named by --db / FACILITATOR_DB / the default, checked."""
    return database_file(chosen_database(option, environ))


def database_file(path: Path) -> Path:
    """The real file behind `path`; DatabasePathRefused (exit 2) for anything but a file.

    A path where nothing is yet is returned as it is: the first write creates it.
    """
    path = Path(path).absolute()
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return path
    except OSError as error:
        raise DatabasePathRefused(_("database {path} cannot be used ({reason}); nothing was "
                                    "changed").format(path=path, reason=_reason(error))) from None
    if stat.S_ISLNK(info.st_mode):
        return _link_target(path)
    kind = kind_of(info.st_mode)
    if kind:
        raise DatabasePathRefused(_("database {path} is {kind}, not a database file; nothing "
                                    "was changed").format(path=path, kind=kind))
    return path


def _link_target(link: Path) -> Path:
    target = Path(os.path.realpath(link))
    try:
        info = os.stat(link)
    except (FileNotFoundError, NotADirectoryError):
        raise DatabasePathRefused(_(
            "database {link} is a link to {target}, which does not exist; nothing was "
            "created (mend the link, or name the file itself with --db)").format(
                link=link, target=target)) from None
    except OSError as error:
        raise DatabasePathRefused(_("database {link} is a link that cannot be followed to "
                                    "{target} ({reason}); nothing was changed").format(
            link=link, target=target, reason=_reason(error))) from None
    kind = kind_of(info.st_mode)
    if kind:
        raise DatabasePathRefused(_("database {link} is a link to {target}, which is {kind}, "
                                    "not a database file; nothing was changed").format(
            link=link, target=target, kind=kind))
    return target


# -- files read -------------------------------------------------------------------------

def read_input(name: str | Path, what: str, *, limit: int, noun: str = N_("file"),
               missing: str = N_("does not exist")) -> bytes:
    """The whole content of a file a person named (at most `limit` bytes).

    ValidationError naming `what` and the path when it is missing, not a regular file,
    unreadable or too large. `what`, `noun` and `missing` are marked with N_.
    """
    path = _as_path(str(name), what)
    try:
        data = read_regular(path, limit)
    except NotARegularFile as error:
        # Translators: {kind} is "a folder", "a device"…; {noun} is "file" or "text file".
        raise ValidationError(what, _("{path} is {kind}, not a {noun}").format(
            path=path, kind=error.kind, noun=_(noun))) from None
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise ValidationError(what, _("{path} is a link to {target}, which does not "
                                          "exist").format(path=path,
                                                          target=os.path.realpath(path))) from None
        # Translators: {missing} is "does not exist" or a longer sentence of the same start.
        raise ValidationError(what, _("{path} {missing}").format(path=path,
                                                                  missing=_(missing))) from None
    except OSError as error:
        raise ValidationError(what, _("cannot read {path} ({reason})").format(
            path=path, reason=_reason(error))) from None
    if len(data) > limit:
        if limit >= 1 << 20:
            larger = _("{path} is larger than {size} MB").format(path=path, size=limit >> 20)
        else:
            larger = _("{path} is larger than {size} KB").format(path=path, size=limit >> 10)
        raise ValidationError(what, larger)
    return data


# -- files written ----------------------------------------------------------------------

def output_path(name: str, db_option: str | None, field: str = N_("output")) -> Path:
    """Where `-o NAME` writes (a link is followed), after every check; ValidationError if not.

    `db_option` is the --db given (or None): its database and companions are refused.
    """
    given = _as_path(name, field)
    target, info = given, _lstat(given, field)
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(given))
        try:
            info = os.stat(given)
        except (FileNotFoundError, NotADirectoryError):
            raise ValidationError(field, _("{path} is a link to {target}, which does not "
                                           "exist; name the file itself").format(
                path=given, target=target)) from None
        except OSError as error:
            raise ValidationError(field, _("{path} is a link that cannot be followed "
                                           "({reason})").format(path=given,
                                                                reason=_reason(error))) from None
    if info is not None and kind_of(info.st_mode):
        raise ValidationError(field, _("{path} is {kind}; name a file").format(
            path=given, kind=kind_of(info.st_mode)))
    if info is None and not os.path.isdir(target.parent):
        raise ValidationError(field, _("cannot write {path}: the folder {folder} does not "
                                       "exist").format(path=given, folder=target.parent))
    _refuse_database_files(given, target, info, chosen_database(db_option), field)
    return target


def write_output(name: str, data: bytes, db_option: str | None,
                 field: str = N_("output")) -> Path:
    """Replace the file named by -o with `data` in one atomic step (mode 0600).

    Checked by output_path first; a failure leaves the old file (or none) and no temporary.
    """
    target = output_path(name, db_option, field)
    try:
        atomic_write(target, data)
    except SavedNotDurable as error:
        raise ValidationError(field, _("wrote {path}, but the disk reported an error while "
                                       "making it permanent ({reason})").format(
            path=name, reason=_reason(error))) from None
    except OSError as error:
        raise ValidationError(field, _("cannot write {path} ({reason}); nothing was "
                                       "written").format(path=name,
                                                         reason=_reason(error))) from None
    return _as_path(name, field)


def _refuse_database_files(given: Path, target: Path, info: os.stat_result | None,
                           database: Path, field: str) -> None:
    real, db_real = Path(os.path.realpath(target)), Path(os.path.realpath(database))
    refuse = _refusal(given, field)
    role = _companion(real.name, db_real.name) if real.parent == db_real.parent else None
    if role:
        raise refuse(role if Path(os.path.abspath(given)) == real
                     else _("{role} ({path})").format(role=role, path=real))
    if info is None:
        return
    for path in _companions_on_disk(db_real):
        try:
            same = os.path.samestat(info, os.stat(path))
        except OSError:
            continue
        if same:
            raise refuse(_("the same file as {role} ({path}) under another name").format(
                role=_companion(path.name, db_real.name), path=path))
    try:
        head = read_regular(target, _SNIFF_BYTES)
    except OSError as error:
        raise ValidationError(field, _("{path} cannot be read to check it is not a database "
                                       "({reason}); nothing was written").format(
            path=given, reason=_reason(error))) from None
    if _DATABASE_START.match(head):
        raise refuse(_("a file that holds a facilitator database"))
    if _JOURNAL_START.match(head):
        raise refuse(_("a file that holds a meeting's live journal"))


def _companion(name: str, db_name: str) -> str | None:
    """What `name` is to the database called `db_name` when both are in one folder."""
    if name == db_name:
        return _("the database")
    rest = name[len(db_name):] if name.startswith(db_name) else None
    if rest == ".journal":
        return _("the database's journal")
    if rest == ".lock":
        return _("the database's lock")
    if rest is not None and re.fullmatch(r"\.bak(\.\d+)?|\.v\d+\.bak", rest):
        return _("a backup of the database")
    if rest is not None and rest.startswith(".broken-"):
        return _("a damaged database set aside by `facilitator doctor`")
    if name.startswith(f".{db_name}.") and name.endswith(".tmp"):
        return _("a temporary file of the database")
    return None


def _companions_on_disk(db_real: Path) -> list[Path]:
    try:
        names = os.listdir(db_real.parent)
    except OSError:
        return []
    return [db_real.parent / name for name in names if _companion(name, db_real.name)]


def _refusal(given: Path, field: str):
    def refuse(what: str) -> ValidationError:
        return ValidationError(field, _("{path} is {what}; choose another file (nothing was "
                                        "written)").format(path=given, what=what))
    return refuse


# -- the demo's throwaway database ------------------------------------------------------

def new_demo_database() -> Path:
    """A path for a demo database in a new private folder of its own."""
    try:
        return Path(tempfile.mkdtemp(prefix="facilitator-demo-")) / "facilitator.json"
    except OSError as error:
        raise ValidationError(N_("demo"), _("cannot make a folder for the demo database in "
                                            "{folder} ({reason})").format(
            folder=tempfile.gettempdir(), reason=_reason(error))) from None


def remove_demo_database(path: Path) -> None:
    """Delete the demo's folder and everything in it."""
    shutil.rmtree(path.parent, ignore_errors=True)


# -- path text --------------------------------------------------------------------------

def _as_path(text: str, field: str) -> Path:
    """A path typed by a person; refused when empty or holding a NUL character."""
    if not text:
        raise ValidationError(field, _("the path is empty"))
    if "\x00" in text:
        raise ValidationError(field, _("the path contains a NUL character"))
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        raise ValidationError(field, _("the path is not valid text")) from None
    try:
        return Path(text).expanduser()
    except RuntimeError:  # `~` with no home folder to expand it to
        return Path(text)


def _lstat(path: Path, field: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ValidationError(field, _("cannot write {path} ({reason})").format(
            path=path, reason=_reason(error))) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
