"""The anonymous record of each meeting held: checked fields, statistics, reports, exports."""
