"""The treasurer's screens: the ledger with its figures, and the entry form."""
