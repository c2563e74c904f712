// The availability editor's working copy of the rules, and how it maps to and
// from the API's Availability (several intervals a day; special days as
// closed or with their own intervals).
import type { Availability, AvailabilityInput } from "../../../shared/api/types";
import { browserZone } from "../../../shared/time";
import type { Interval } from "./intervals";

export const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Day = (typeof DAYS)[number];
export type DateOverride = { date: string; closed: boolean; intervals: Interval[] };
export type Rules = {
  id?: string;
  timezone: string;
  workingHours: Record<Day, { enabled: boolean; intervals: Interval[] }>;
  breakTimes: { day: Day; start: string; end: string }[];
  unavailableDates: string[];
  dateOverrides: DateOverride[];
  minBookingNotice: number;
  maxAdvanceBooking: number;
  bufferTime: number;
  slotDuration: number[];
};

const nineToFive = (): Interval[] => [{ start: "09:00", end: "17:00" }];

export function defaults(): Rules {
  const workingHours = Object.fromEntries(
    DAYS.map((d) => [d, { enabled: !["saturday", "sunday"].includes(d), intervals: nineToFive() }]),
  ) as Rules["workingHours"];
  return { timezone: browserZone(), workingHours, breakTimes: [], unavailableDates: [], dateOverrides: [], minBookingNotice: 2, maxAdvanceBooking: 60, bufferTime: 0, slotDuration: [30, 60] };
}

export function fromServer(json: Availability): Rules {
  const base = defaults();
  const hours = json.workingHours ?? {};
  for (const d of DAYS) {
    const h = hours[d];
    base.workingHours[d] = h
      ? { enabled: h.enabled !== false, intervals: h.intervals?.length ? h.intervals : [{ start: h.start ?? "09:00", end: h.end ?? "17:00" }] }
      : { enabled: false, intervals: nineToFive() };
  }
  return {
    ...base,
    id: json.id,
    timezone: json.timezone,
    breakTimes: json.breakTimes ?? [],
    unavailableDates: json.unavailableDates ?? [],
    dateOverrides: (json.dateOverrides ?? []).map((o) => ({ date: o.date, closed: !!o.closed, intervals: o.intervals ?? [] })),
    minBookingNotice: json.minBookingNotice ?? base.minBookingNotice,
    maxAdvanceBooking: json.maxAdvanceBooking ?? base.maxAdvanceBooking,
    bufferTime: json.bufferTime ?? base.bufferTime,
    slotDuration: json.slotDuration ?? base.slotDuration,
  };
}

export function toServer(r: Rules): AvailabilityInput {
  return {
    timezone: r.timezone,
    workingHours: Object.fromEntries(DAYS.map((d) => [d, { enabled: r.workingHours[d].enabled, intervals: r.workingHours[d].intervals }])),
    breakTimes: r.breakTimes,
    unavailableDates: r.unavailableDates,
    dateOverrides: r.dateOverrides.map((o) => (o.closed ? { date: o.date, closed: true } : { date: o.date, intervals: o.intervals })),
    minBookingNotice: r.minBookingNotice,
    maxAdvanceBooking: r.maxAdvanceBooking,
    bufferTime: r.bufferTime,
    slotDuration: r.slotDuration,
  };
}
