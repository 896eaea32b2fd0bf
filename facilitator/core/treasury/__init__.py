"""The treasurer's arithmetic: the 7th tradition ledger, the prudent reserve, the split."""
