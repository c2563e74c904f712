// Checks the forms run before anything is sent; the server checks again.
import type { FieldErrors } from "./api";

export function validateSignup(v: { name: string; email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = "Please enter your name.";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email.trim())) errors.email = "Please enter a valid email address.";
  const length = [...v.password].length;
  if (length < 12) errors.password = "Use at least 12 characters.";
  else if (length > 128) errors.password = "Use at most 128 characters.";
  return errors;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export type Interval = { start: string; end: string };

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
