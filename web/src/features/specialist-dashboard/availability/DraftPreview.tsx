import { useState } from "react";
import { dayPattern } from "./pattern";
import { DAYS, type Rules } from "./rules";

// What the rules on screen produce, live, before saving.
export function DraftPreview({ rules }: { rules: Rules }) {
  const lengths = rules.slotDuration.length ? rules.slotDuration : [60];
  const [length, setLength] = useState(lengths[0]);
  const duration = lengths.includes(length) ? length : lengths[0];
  return (
    <section aria-labelledby="draft-preview" className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 id="draft-preview" className="mr-auto font-semibold">
          Preview: a typical week ({rules.timezone})
        </h3>
        <label className="text-sm" htmlFor="draft-length">Preview for</label>
        <select id="draft-length" className="rounded border border-slate-300 bg-white px-2 py-1 text-sm" value={duration} onChange={(e) => setLength(Number(e.target.value))}>
          {lengths.map((l) => <option key={l} value={l}>{l} min</option>)}
        </select>
      </div>
      <ul className="space-y-1 text-sm">
        {DAYS.map((d) => {
          const starts = rules.workingHours[d].enabled
            ? dayPattern(rules.workingHours[d].intervals, rules.breakTimes.filter((b) => b.day === d), duration)
            : [];
          return (
            <li key={d} className="flex gap-2">
              <span className="w-24 shrink-0 capitalize text-slate-700">{d}</span>
              <span data-testid={`preview-${d}`}>{starts.length ? starts.join(" · ") : "—"}</span>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-600">Before bookings, notice, days off and special days; the free times below are the saved ones.</p>
    </section>
  );
}
