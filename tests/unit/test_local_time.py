"""The laptop's zone: TZ wins, and a bad TZ falls back instead of failing."""

from datetime import datetime, timedelta

from facilitator.store.local_time import local_zone


def test_tz_names_the_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    zone = local_zone()
    assert datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=-5)
    assert datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=-4)


def test_unknown_tz_falls_back_to_the_system_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    assert datetime(2026, 1, 15, 12, tzinfo=local_zone()).utcoffset() is not None
