import { useState } from "react";
import type { Slot } from "../api/types";
import { addDays, localDate, monthLabel, monthStart, timeIn, todayIn, weekdayLabel } from "../time";
import { Button, Empty, ErrorBox, Spinner } from "../ui/ui";
import { calendarRange, OPENING_VIEW, useSlots, type CalendarView as View } from "./slots";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// How many cells come before `date` in a Monday-first week row.
export function mondayOffset(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

type Picking = { zone: string; selected?: string; onPick: (slot: Slot) => void };

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
  const [view, setView] = useState<View>(OPENING_VIEW);
  const [anchor, setAnchor] = useState(() => todayIn(zone));
  const [day, setDay] = useState<string | null>(null);
  const { from, to } = calendarRange(view, anchor);
  const query = useSlots(specialistId, { serviceId, from, to, tz: zone });
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
  const pick: Picking = { zone, selected, onPick };
  const found = query.isSuccess && query.data.slots.length > 0;
  return (
    <div>
      <Header view={view} from={from} onStep={step} onView={setView} />
      <p className="mb-3 text-sm text-slate-600">
        Times in <strong>{zone}</strong>
      </p>
      {query.isPending && <Spinner label="Loading free times…" />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.slots.length === 0 && <Empty>No free times in this {view}. Try the next one.</Empty>}
      {found && view === "week" && <WeekGrid days={days} byDay={byDay} pick={pick} />}
      {found && view === "month" && <MonthGrid from={from} days={days} byDay={byDay} pick={pick} day={day} onDay={setDay} />}
    </div>
  );
}

function Header({ view, from, onStep, onView }: { view: View; from: string; onStep: (direction: number) => void; onView: (view: View) => void }) {
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => onStep(-1)} aria-label={`Previous ${view}`}>
        ←
      </Button>
      <Button variant="secondary" onClick={() => onStep(1)} aria-label={`Next ${view}`}>
        →
      </Button>
      <h3 className="mx-2 font-semibold">{view === "week" ? `Week of ${weekdayLabel(from)} ${monthLabel(from)}` : monthLabel(from)}</h3>
      <div role="group" aria-label="Calendar view" className="ml-auto flex gap-1">
        {(["week", "month"] as const).map((v) => (
          <Button key={v} variant={view === v ? "primary" : "secondary"} aria-pressed={view === v} onClick={() => onView(v)}>
            {v === "week" ? "Week" : "Month"}
          </Button>
        ))}
      </div>
    </div>
  );
}

function SlotButton({ slot, pick: { zone, selected, onPick } }: { slot: Slot; pick: Picking }) {
  return (
    <button
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
}

function WeekGrid({ days, byDay, pick }: { days: string[]; byDay: Map<string, Slot[]>; pick: Picking }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-7">
      {days.map((d) => (
        <div key={d} className="rounded-lg bg-white p-2">
          <p className="mb-2 text-sm font-medium text-slate-700">{weekdayLabel(d)}</p>
          <div className="flex flex-wrap gap-1 sm:flex-col">
            {(byDay.get(d) ?? []).map((slot) => (
              <SlotButton key={slot.id} slot={slot} pick={pick} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

type MonthProps = { from: string; days: string[]; byDay: Map<string, Slot[]>; pick: Picking; day: string | null; onDay: (day: string) => void };

function MonthGrid({ from, days, byDay, pick, day, onDay: setDay }: MonthProps) {
  return (
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
              className={`rounded-md p-2 ${count ? "bg-indigo-50 text-indigo-900 hover:bg-indigo-100" : "text-slate-500"} ${day === d ? "ring-2 ring-indigo-600" : ""}`}
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
          <div className="flex flex-wrap gap-1">
            {(byDay.get(day) ?? []).map((slot) => (
              <SlotButton key={slot.id} slot={slot} pick={pick} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
