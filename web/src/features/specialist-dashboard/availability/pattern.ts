// The weekly pattern of slot start times that draft rules produce, for the
// availability editor's live preview before anything is saved. It follows the
// server's slot engine (src/domain/slot_engine.cpp): working intervals minus
// breaks give open ranges, and slots start every `duration` minutes from the
// start of each range. Bookings, notice, horizon and date overrides are the
// server's business: the saved preview shows those.
import type { Interval } from "./intervals";

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHHMM = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
type Range = [number, number];

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function subtract(open: Range[], cut: Range): Range[] {
  return open.flatMap(([a, b]): Range[] => {
    if (cut[1] <= a || cut[0] >= b) return [[a, b]];
    const parts: Range[] = [];
    if (cut[0] > a) parts.push([a, cut[0]]);
    if (cut[1] < b) parts.push([cut[1], b]);
    return parts;
  });
}

// Start times ("09:00") of one day's slots.
export function dayPattern(intervals: Interval[], breaks: Interval[], duration: number): string[] {
  if (duration <= 0) return [];
  let open = merge(intervals.map((i) => [toMinutes(i.start), toMinutes(i.end)]));
  for (const b of breaks) open = subtract(open, [toMinutes(b.start), toMinutes(b.end)]);
  const starts: string[] = [];
  for (const [a, b] of open) for (let m = a; m + duration <= b; m += duration) starts.push(toHHMM(m));
  return starts;
}
