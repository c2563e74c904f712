"""Oracle for RRULE expansion, using python3-dateutil and zoneinfo.

Reads lines "ZONE|RRULE|START|FROM|TO" (local date-times YYYY-MM-DDTHH:MM)
and prints, per line, the occurrences in [FROM, TO) as space-separated
"YYYY-MM-DDTHH:MM=UTC" where UTC is the Unix seconds of that wall-clock time
in ZONE (its first occurrence when clocks fall back) or "gap" when the clocks
skip it. Confer reads UNTIL on the wall clock, like DTSTART, even with a
trailing Z; dateutil refuses a UTC UNTIL with a floating DTSTART, so the Z is
dropped here."""
import re
import signal
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

FORMAT = "%Y-%m-%dT%H:%M"


class PastTheWindow(Exception):
    pass


# dateutil scans period after period until it finds the next occurrence, up
# to the year 9999 for a rule with no more of them (FREQ=DAILY;BYMONTH=2;
# BYMONTHDAY=30 takes seconds). Its scan goes forward in time and yields in
# order, so once the year it is looking at is past the window nothing more can
# fall inside: a timer looks at that year (a local of dateutil's generator)
# and ends the scan there.
scan = {"frame": None, "last_year": 0}


def check_scan(signum, frame):
    generator_frame = scan["frame"]
    if generator_frame is not None:
        year = generator_frame.f_locals.get("year")
        if isinstance(year, int) and year > scan["last_year"]:
            raise PastTheWindow()


signal.signal(signal.SIGALRM, check_scan)


def utc_text(zone, naive):
    first = naive.replace(tzinfo=zone, fold=0)
    utc = first.astimezone(timezone.utc)
    # A time in a gap does not survive the round trip back to the wall clock.
    if utc.astimezone(zone).replace(tzinfo=None) != naive:
        return "gap"
    return str(int(utc.timestamp()))


zones = {}
for line in sys.stdin:
    name, rule, start, first, last = line.rstrip("\n").split("|")
    zone = zones.setdefault(name, ZoneInfo(name))
    rule = re.sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1", rule)
    dtstart = datetime.strptime(start, FORMAT)
    window_from = datetime.strptime(first, FORMAT)
    window_to = datetime.strptime(last, FORMAT)
    occurrences = []
    try:
        generator = iter(rrulestr(rule, dtstart=dtstart))
    except ValueError as error:
        # dateutil refuses e.g. FREQ=HOURLY;INTERVAL=5;BYHOUR=1 from 00:00,
        # whose hours are never reached: a rule with no occurrences.
        if "empty set" not in str(error):
            raise
        print("")
        continue
    scan["frame"] = getattr(generator, "gi_frame", None)
    scan["last_year"] = window_to.year
    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
    try:
        for occurrence in generator:
            if occurrence >= window_to:
                break
            if occurrence >= window_from:
                occurrences.append(occurrence)
    except PastTheWindow:
        pass
    finally:
        # The frame first: a tick landing between these two lines (the loop
        # ended on its own, past the window) then finds nothing to stop.
        scan["frame"] = None
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
    print(" ".join(o.strftime(FORMAT) + "=" + utc_text(zone, o) for o in occurrences))
