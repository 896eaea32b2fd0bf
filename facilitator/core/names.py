"""First names typed by people: kept safe to show, never stored in the history."""

import unicodedata

NAME_LIMIT = 40


def clean_name(text: str) -> str:
    """Drop control and formatting characters (escape sequences, bidi overrides), squeeze
    spaces and cut to NAME_LIMIT characters; a first name is all the room needs."""
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"} or char.isspace()
    )
    squeezed = " ".join(kept.split())
    return squeezed[:NAME_LIMIT].strip()
