"""Oracle for RRULE expansion, using python3-dateutil.

Reads lines "RRULE|START|FROM|TO" (local date-times YYYY-MM-DDTHH:MM) and
prints the occurrences in [FROM, TO) as space-separated YYYY-MM-DDTHH:MM."""
import sys
from datetime import datetime

from dateutil.rrule import rrulestr

FORMAT = "%Y-%m-%dT%H:%M"
for line in sys.stdin:
    rule, start, first, last = line.rstrip("\n").split("|")
    dtstart = datetime.strptime(start, FORMAT)
    window_from = datetime.strptime(first, FORMAT)
    window_to = datetime.strptime(last, FORMAT)
    occurrences = rrulestr(rule, dtstart=dtstart).between(window_from, window_to, inc=True)
    print(" ".join(o.strftime(FORMAT) for o in occurrences if o < window_to))
