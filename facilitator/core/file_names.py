"""The one place a file's name is made from a name people chose (a meeting, a ladder).

The rules are Windows', the strictest, applied on every platform: a folder of files made on
Linux then carries over to the group's Windows laptop intact. Windows refuses the device
names (CON, NUL, COM1…, with any extension), the characters < > : " / \\ | ? * and control
characters, and a name ending in a dot or a space.
"""

import re

from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.text_out import echo

NAME_LIMIT = 100  # characters, suffix included: far inside every file system's limit

_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in (*"0123456789", "¹", "²", "³")}
)
_REFUSED_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def file_name(field: str, name: str, suffix: str = "") -> str:
    """`name` + `suffix` as a file name every platform accepts; ValidationError if not."""
    whole = name + suffix
    shown = echo(name, 40)
    if not name.strip():
        raise ValidationError(field, _("the name is empty; a file needs one"))
    found = _REFUSED_CHARACTERS.search(whole)
    if found:
        raise ValidationError(field, _("{name} holds {character}, which cannot be in a file "
                                       'name (Windows refuses < > : " / \\ | ? * and control '
                                       "characters)").format(name=shown,
                                                             character=echo(found.group())))
    if name.endswith((".", " ")) or whole.endswith((".", " ")):
        raise ValidationError(field, _("{name} ends in a dot or a space, which cannot end "
                                       "a file name on Windows").format(name=shown))
    if whole.split(".")[0].rstrip(" ").casefold() in _DEVICES:
        raise ValidationError(field, _("{name} is a name Windows keeps for a device "
                                       "(CON, PRN, AUX, NUL, COM1, LPT1…); choose "
                                       "another").format(name=shown))
    if len(whole) > NAME_LIMIT:
        raise ValidationError(field, _("{name} is too long for a file name (at most "
                                       "{limit} characters)").format(name=shown,
                                                                     limit=NAME_LIMIT))
    return whole


def is_portable(name: str, suffix: str = "") -> bool:
    """True when file_name would take `name` + `suffix`."""
    try:
        file_name(N_("file"), name, suffix)
    except ValidationError:
        return False
    return True
