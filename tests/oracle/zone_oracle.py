"""Oracle for wall-clock conversions, using Python's zoneinfo.

Reads lines "local ZONE YYYY-MM-DDTHH:MM" and "offset ZONE UNIX_SECONDS";
prints, per line, the UTC Unix seconds of the local time's first occurrence
(or "gap" when it does not exist), or the zone's UTC offset in seconds."""
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

zones = {}
for line in sys.stdin:
    kind, name, value = line.split()
    zone = zones.setdefault(name, ZoneInfo(name))
    if kind == "local":
        naive = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        first = naive.replace(tzinfo=zone, fold=0)
        utc = first.astimezone(timezone.utc)
        # A time in a gap does not survive the round trip back to the wall clock.
        if utc.astimezone(zone).replace(tzinfo=None) != naive:
            print("gap")
        else:
            print(int(utc.timestamp()))
    else:
        instant = datetime.fromtimestamp(int(value), tz=timezone.utc)
        print(int(instant.astimezone(zone).utcoffset().total_seconds()))
