// Checks the availability editor runs before saving; the server checks again.
import type { TimeRange } from "../../../shared/api/types";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export type Interval = TimeRange;

// Intervals of one day: well-formed, each ending after it starts, no overlaps.
export function validateIntervals(intervals: Interval[]): string | null {
  for (const i of intervals) {
    if (!HHMM.test(i.start) || !HHMM.test(i.end)) return "Times must look like 09:00.";
    if (i.end <= i.start) return "Each interval must end after it starts.";
  }
  const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k].start < sorted[k - 1].end) return "Intervals must not overlap.";
  return null;
}
