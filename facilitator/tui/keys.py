"""The keys of a screen, read from its own bindings: grouped for help, named in the palette,
and the one the footer shows (an F-key, or its twin that needs no Fn)."""

import re
from typing import NamedTuple

from textual.binding import Binding

from facilitator.core.i18n import N_

FUNCTION_KEY = re.compile(r"(^|\+)f\d+$")
LETTERS = "letters"  # the key mode whose footer shows keys that need no F-key

# Help groups by the action's name: a binding added later falls into its group by itself,
# or into the screen's own group.
# The group names are translated where help shows them.
GROUP_OF_ACTION = (
    ("sign_in", N_("Sign-in")), ("correct", N_("Sign-in")),
    ("focus_queue", N_("Queue")), ("queue", N_("Queue")),
    ("share", N_("Share")), ("apply_suggestion", N_("Share")), ("toggle_bell", N_("Share")),
    ("section", N_("Agenda")), ("show_chips", N_("Chips")), ("chip", N_("Chips")),
)


def is_function_key(key: str) -> bool:
    return bool(FUNCTION_KEY.search(key.strip()))


def action_name(action: str) -> str:
    """`screen.queue_move('queue_up')` -> `queue_move`."""
    return action.split("(")[0].rsplit(".", 1)[-1]


def group_of(action: str, default: str) -> str:
    name = action_name(action)
    for prefix, group in GROUP_OF_ACTION:
        if name.startswith(prefix):
            return group
    return default


def own_bindings(node_class: type) -> list[Binding]:
    """The bindings a class and the project's classes it inherits from declare, most derived
    first; Textual's own widgets (cursor and editing keys) are left out."""
    found = []
    for cls in node_class.__mro__:
        if cls.__module__.startswith("facilitator."):
            found += [b for b in vars(cls).get("BINDINGS", []) if isinstance(b, Binding)]
    return found


def screen_bindings(screen) -> list[Binding]:
    """The screen's bindings, then those of each kind of widget on it (the queue's keys)."""
    bindings, seen = own_bindings(type(screen)), {type(screen)}
    for widget in screen.query("*"):
        if type(widget) not in seen:
            seen.add(type(widget))
            bindings += own_bindings(type(widget))
    return bindings


class KeyRow(NamedTuple):
    """One line of help: an action, every key that does it, and its group."""

    group: str
    keys: tuple[str, ...]
    description: str
    tooltip: str


def help_rows(bindings: list[Binding], default_group: str) -> list[KeyRow]:
    """One row per action (its keys merged, in the order declared), groups in order of first
    appearance."""
    rows: dict[str, KeyRow] = {}
    for binding in bindings:
        if not binding.description:
            continue
        keys = tuple(key.strip() for key in binding.key.split(","))
        if binding.action in rows:
            old = rows[binding.action]
            keys = old.keys + tuple(key for key in keys if key not in old.keys)
            rows[binding.action] = KeyRow(old.group, keys, old.description, old.tooltip)
        else:
            rows[binding.action] = KeyRow(group_of(binding.action, default_group), keys,
                                          binding.description, binding.tooltip)
    order = list(dict.fromkeys(row.group for row in rows.values()))
    return sorted(rows.values(), key=lambda row: order.index(row.group))


def letter_twin(binding: Binding, bindings: list[Binding]) -> str | None:
    """The key that does what an F-key binding does without an F-key, if there is one."""
    for other in bindings:
        if other.action == binding.action:
            for key in other.key.split(","):
                if not is_function_key(key):
                    return key.strip()
    return None


class FooterOrder:
    """Mixed into a screen before `Screen`: the footer lists the screen's keys in the order
    its BINDINGS declare them (most used first), each action's F-key before its twin (the
    app shows the twin in the letters key mode); keys of the focused widget come first."""

    @property
    def active_bindings(self):
        active = super().active_bindings
        declared: dict[str, int] = {}
        for index, binding in enumerate(own_bindings(type(self))):
            declared.setdefault(binding.action, index)

        def rank(item) -> tuple[int, bool]:
            key, active_binding = item
            return declared.get(active_binding.binding.action, -1), not is_function_key(key)

        return dict(sorted(active.items(), key=rank))
