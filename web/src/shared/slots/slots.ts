// A specialist's free slots of one service over a range of local dates.
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ApiClient } from "../api/client";
import { useApi } from "../api/context";
import { keys } from "../api/keys";
import { PREFETCHED_FRESH_MS } from "../api/prefetch";
import type { Slot, SlotList } from "../api/types";
import { addDays, monthStart, todayIn, weekStart } from "../time";

// At most this many pages of one range are fetched (10,000 slots each).
const MAX_PAGES = 20;

type Range = { serviceId: string; from: string; to: string; tz: string };

// Every free slot of a range: the server stops a long list at 10,000 slots
// and names where the next page starts (`nextAfter`, passed back as `after`).
export async function fetchSlots(api: ApiClient, specialistId: string, range: Range): Promise<Pick<SlotList, "timezone" | "slots">> {
  const seen = new Set<string>();
  const slots: Slot[] = [];
  let after: string | null = null;
  let timezone = range.tz;
  for (let page = 0; page < MAX_PAGES; page++) {
    const list: SlotList = await api.get("/api/specialists/{specialistId}/slots", {
      path: { specialistId },
      query: after ? { ...range, after } : range,
    });
    timezone = list.timezone;
    for (const slot of list.slots) {
      if (seen.has(slot.id)) continue;
      seen.add(slot.id);
      slots.push(slot);
    }
    if (!list.nextAfter || list.nextAfter === after) break;
    after = list.nextAfter;
  }
  return { timezone, slots };
}

export type CalendarView = "week" | "month";

// The local dates a calendar shows around `anchor`: its Monday-first week, or
// its whole month.
export function calendarRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === "week") {
    const from = weekStart(anchor);
    return { from, to: addDays(from, 6) };
  }
  const from = monthStart(anchor);
  return { from, to: addDays(monthStart(addDays(from, 32)), -1) };
}

// What a calendar shows first: this week on the viewer's clock.
export const OPENING_VIEW: CalendarView = "week";
export const openingRange = (zone: string) => calendarRange(OPENING_VIEW, todayIn(zone));

// The one definition of a range's query, for the calendar and for a route
// that fetches the calendar's first range before the calendar is drawn.
export function slotsQuery(api: ApiClient, specialistId: string, range: Range) {
  return queryOptions({
    queryKey: keys.slots(specialistId, range.serviceId, range.from, range.to, range.tz),
    queryFn: () => fetchSlots(api, specialistId, range),
    staleTime: PREFETCHED_FRESH_MS,
  });
}

export function useSlots(specialistId: string, range: Range) {
  const api = useApi();
  return useQuery(slotsQuery(api, specialistId, range));
}
