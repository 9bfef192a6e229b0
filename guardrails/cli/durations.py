"""``90d``, ``12h``, ``2w``: the periods ``candor purge`` and ``candor report`` accept."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

_PERIOD = re.compile(r"^\s*(\d{1,6})\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def period(text: str) -> timedelta:
    """An argparse ``type``: a positive whole number and a unit (m, h, d or w)."""
    found = _PERIOD.match(text or "")
    if not found or int(found.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a period like 90d, 12h or 2w")
    return timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})
