import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../lib/api";
import { addDays, localDate, monthLabel, monthStart, timeIn, todayIn, weekStart, weekdayLabel } from "../lib/time";
import { Button, Empty, ErrorBox, Spinner } from "./ui";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// How many cells come before `date` in a Monday-first week row.
export function mondayOffset(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export type Slot = {
  id: string;
  start: string;
  end: string;
  startLocal: string;
  duration: number;
  price: number;
  currency: string;
  serviceId: string;
  specialistId?: string;
  status: string;
};

type SlotList = { timezone: string; slots: Slot[]; nextAfter?: string | null };

// At most this many pages of one range are fetched (10,000 slots each).
const MAX_PAGES = 20;

// Every free slot of a range: the server stops a long list at 10,000 slots
// and names where the next page starts (`nextAfter`, passed back as `after`).
export async function fetchSlots(specialistId: string, query: Record<string, string>): Promise<SlotList> {
  const seen = new Set<string>();
  const slots: Slot[] = [];
  let after: string | null = null;
  let timezone = query.tz;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams(query);
    if (after) params.set("after", after);
    const list: SlotList = await api<SlotList>(`/api/specialists/${specialistId}/slots?${params}`);
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

// Free slots of one service, by week or by month, on the viewer's clock.
export function SlotCalendar({
  specialistId,
  serviceId,
  zone,
  onPick,
  selected,
}: {
  specialistId: string;
  serviceId: string;
  zone: string;
  onPick: (slot: Slot) => void;
  selected?: string;
}) {
  const [view, setView] = useState<"week" | "month">("week");
  const [anchor, setAnchor] = useState(() => todayIn(zone));
  const [day, setDay] = useState<string | null>(null);
  const from = view === "week" ? weekStart(anchor) : monthStart(anchor);
  const to = view === "week" ? addDays(from, 6) : addDays(monthStart(addDays(from, 32)), -1);
  const query = useQuery({
    queryKey: ["slots", specialistId, serviceId, from, to, zone],
    queryFn: () => fetchSlots(specialistId, { serviceId, from, to, tz: zone }),
  });
  const byDay = new Map<string, Slot[]>();
  for (const slot of query.data?.slots ?? []) {
    const key = localDate(slot.start, zone);
    byDay.set(key, [...(byDay.get(key) ?? []), slot]);
  }
  const days = Array.from({ length: view === "week" ? 7 : (Date.parse(to) - Date.parse(from)) / 864e5 + 1 }, (_, i) =>
    addDays(from, i),
  );
  const step = (direction: number) =>
    setAnchor(view === "week" ? addDays(from, 7 * direction) : monthStart(addDays(from, direction * 32)));

  const slotButton = (slot: Slot) => (
    <button
      key={slot.id}
      onClick={() => onPick(slot)}
      aria-pressed={selected === slot.id}
      aria-label={`${weekdayLabel(localDate(slot.start, zone))} ${timeIn(slot.start, zone)}`}
      className={`rounded-md border px-2 py-1 text-sm ${
        selected === slot.id ? "border-indigo-700 bg-indigo-600 text-white" : "border-indigo-200 bg-indigo-50 text-indigo-800 hover:bg-indigo-100"
      }`}
    >
      {timeIn(slot.start, zone)}
    </button>
  );

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => step(-1)} aria-label={`Previous ${view}`}>
          ←
        </Button>
        <Button variant="secondary" onClick={() => step(1)} aria-label={`Next ${view}`}>
          →
        </Button>
        <h3 className="mx-2 font-semibold">
          {view === "week" ? `Week of ${weekdayLabel(from)} ${monthLabel(from)}` : monthLabel(from)}
        </h3>
        <div role="group" aria-label="Calendar view" className="ml-auto flex gap-1">
          {(["week", "month"] as const).map((v) => (
            <Button key={v} variant={view === v ? "primary" : "secondary"} aria-pressed={view === v} onClick={() => setView(v)}>
              {v === "week" ? "Week" : "Month"}
            </Button>
          ))}
        </div>
      </div>
      <p className="mb-3 text-sm text-slate-600">
        Times in <strong>{zone}</strong>
      </p>
      {query.isPending && <Spinner label="Loading free times…" />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.slots.length === 0 && <Empty>No free times in this {view}. Try the next one.</Empty>}
      {query.isSuccess && query.data.slots.length > 0 && view === "week" && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-7">
          {days.map((d) => (
            <div key={d} className="rounded-lg bg-white p-2">
              <p className="mb-2 text-sm font-medium text-slate-700">{weekdayLabel(d)}</p>
              <div className="flex flex-wrap gap-1 sm:flex-col">{(byDay.get(d) ?? []).map(slotButton)}</div>
            </div>
          ))}
        </div>
      )}
      {query.isSuccess && query.data.slots.length > 0 && view === "month" && (
        <div>
          <div className="grid grid-cols-7 gap-1 text-center text-sm">
            {WEEKDAYS.map((w) => (
              <span key={w} aria-hidden="true" className="text-xs font-medium text-slate-600">
                {w}
              </span>
            ))}
            {Array.from({ length: mondayOffset(from) }, (_, i) => (
              <span key={`blank-${i}`} aria-hidden="true" />
            ))}
            {days.map((d) => {
              const count = byDay.get(d)?.length ?? 0;
              return (
                <button
                  key={d}
                  disabled={count === 0}
                  onClick={() => setDay(d)}
                  aria-label={`${weekdayLabel(d)}: ${count} free`}
                  className={`rounded-md p-2 ${count ? "bg-indigo-50 text-indigo-900 hover:bg-indigo-100" : "text-slate-500"} ${
                    day === d ? "ring-2 ring-indigo-600" : ""
                  }`}
                >
                  {Number(d.slice(8))}
                  {count > 0 && <span className="block text-xs">{count}</span>}
                </button>
              );
            })}
          </div>
          {day && (
            <div className="mt-3">
              <p className="mb-2 font-medium">{weekdayLabel(day)}</p>
              <div className="flex flex-wrap gap-1">{(byDay.get(day) ?? []).map(slotButton)}</div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
