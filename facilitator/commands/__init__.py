"""One module per command: `register(subparsers)` adds it and sets `run`."""
