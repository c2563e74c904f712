import { useState } from "react";
import type { Booking } from "../../../shared/api/types";
import { addDays, localDate, timeIn, todayIn, weekdayLabel, weekStart } from "../../../shared/time";
import { Button } from "../../../shared/ui/ui";

// The week ahead as a calendar: each day's bookings on the specialist's clock.
export function WeekView({ items, zone }: { items: Booking[]; zone: string }) {
  const [from, setFrom] = useState(() => weekStart(todayIn(zone)));
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return (
    <div>
      <div className="mb-2 flex items-center gap-2">
        <Button variant="secondary" aria-label="Previous week" onClick={() => setFrom(addDays(from, -7))}>←</Button>
        <Button variant="secondary" aria-label="Next week" onClick={() => setFrom(addDays(from, 7))}>→</Button>
        <span className="text-sm text-slate-600">Times in {zone}</span>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-7">
        {days.map((d) => (
          <div key={d} className="min-h-24 rounded-lg border border-slate-200 p-2">
            <p className="mb-1 text-sm font-medium">{weekdayLabel(d)}</p>
            {items
              .filter((b) => localDate(b.start, zone) === d)
              .map((b) => (
                <p key={b.id} className={`mb-1 rounded px-1 text-xs ${b.status === "cancelled" ? "bg-slate-100 line-through" : "bg-indigo-100"}`}>
                  {timeIn(b.start, zone)} {b.customer.name}
                </p>
              ))}
          </div>
        ))}
      </div>
    </div>
  );
}
