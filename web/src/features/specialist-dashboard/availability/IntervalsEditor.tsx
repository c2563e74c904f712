import type { Interval } from "./intervals";

// A day's intervals: edit, remove (while more than one), add.
export function IntervalsEditor({ label, value, onChange }: { label: string; value: Interval[]; onChange: (v: Interval[]) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {value.map((interval, i) => (
        <span key={i} className="flex items-center gap-1">
          <input aria-label={`${label} interval ${i + 1} start`} type="time" className="rounded border border-slate-300 px-1" value={interval.start}
            onChange={(e) => onChange(value.map((v, k) => (k === i ? { ...v, start: e.target.value } : v)))} />
          –
          <input aria-label={`${label} interval ${i + 1} end`} type="time" className="rounded border border-slate-300 px-1" value={interval.end === "24:00" ? "23:59" : interval.end}
            onChange={(e) => onChange(value.map((v, k) => (k === i ? { ...v, end: e.target.value } : v)))} />
          {value.length > 1 && (
            <button className="text-sm text-red-700" aria-label={`Remove ${label} interval ${i + 1}`} onClick={() => onChange(value.filter((_, k) => k !== i))}>
              ✕
            </button>
          )}
        </span>
      ))}
      <button className="text-sm text-indigo-700 underline" onClick={() => onChange([...value, { start: "13:00", end: "17:00" }])}>
        + interval
      </button>
    </div>
  );
}
