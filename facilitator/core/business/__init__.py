"""Group conscience: motions, their votes and thresholds, the typed discussion queue, minutes."""
