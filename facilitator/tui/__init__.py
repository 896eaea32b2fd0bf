"""The only code that imports textual."""
