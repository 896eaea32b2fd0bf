"""facilitator: run a peer-support recovery meeting and keep anonymous attendance."""

__version__ = "0.1.0"
