"""A count with its word in the right form: "1 record", "2 records".

One helper shaped like gettext's `ngettext(singular, plural, n)`, so that translating the
program replaces this one body: every count said in words goes through `plural`.
"""


def plural(count: int, singular: str, plural_form: str) -> str:
    """`count` (thousands grouped) and the word's form for it: plural(1, "record", "records")."""
    return f"{count:,} {singular if count == 1 else plural_form}"
