"""The pure domain: no Textual, no TinyDB, no I/O; the clock is passed in."""
