"""The chip calculator and the key that opens it."""
