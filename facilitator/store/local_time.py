"""The laptop's time zone, with its DST rules, for computing when meetings happen."""

import os
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_zone() -> tzinfo:
    """TZ if set, else /etc/localtime, else the platform's own rules (dateutil's tzlocal)."""
    key = os.environ.get("TZ", "").lstrip(":")
    if key:
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        from dateutil.tz import tzlocal

        return tzlocal()

