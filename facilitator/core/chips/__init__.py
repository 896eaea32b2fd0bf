"""Chips and keytags: sober time, milestone ladders, the group's stock."""
