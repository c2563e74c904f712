// Checks the forms run before anything is sent; the server checks again.
import type { FieldErrors } from "./api";
import { parseMoney } from "./money";

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

export type ServiceForm = {
  title: string;
  duration: string;
  price: string;
  currency: string;
  deadlineHours: string;
  refund: string;
  refundPercentage: string;
};

const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max;
};

// The service form, with the server's limits (src/http/service_routes.cpp).
// Keys match the server's field names so its 422 `errors` land on the same fields.
export function validateService(v: ServiceForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = "Please give the service a title.";
  else if ([...v.title.trim()].length > 120) errors.title = "Use at most 120 characters.";
  if (!wholeIn(v.duration, 5, 480)) errors.duration = "Length is 5 to 480 minutes.";
  if (parseMoney(v.price, v.currency) === null) errors.price = "Enter an amount such as 45 or 45.50.";
  if (!wholeIn(v.deadlineHours, 0, 720)) errors["cancellationPolicy.deadlineHours"] = "0 to 720 hours.";
  if (v.refund === "percentage" && !wholeIn(v.refundPercentage, 0, 100))
    errors["cancellationPolicy.refundPercentage"] = "A whole percentage from 0 to 100.";
  return errors;
}

// "career, interviews ,, Career" → ["career", "interviews"]: trimmed, no blanks,
// no repeats (case-insensitive, first spelling kept).
export function listFrom(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of text.split(",").map((x) => x.trim()).filter(Boolean)) {
    if (seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}
