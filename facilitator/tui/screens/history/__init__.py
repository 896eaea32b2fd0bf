"""The secretary's history: records by meeting and period, and the record editor."""
