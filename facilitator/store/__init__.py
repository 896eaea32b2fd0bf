"""The only code that touches files or imports tinydb."""
