import type { PartProps } from "./parts";
import { DAYS, type Day, type Rules } from "./rules";

const isDay = (text: string): text is Day => DAYS.some((d) => d === text);

// Breaks on weekdays: day, start, end.
export function Breaks({ rules, update, errorFor }: PartProps) {
  const change = (i: number, patch: Partial<Rules["breakTimes"][number]>) =>
    update({ breakTimes: rules.breakTimes.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  return (
    <>
      <h3 className="mb-2 font-semibold">Breaks</h3>
      {rules.breakTimes.map((b, i) => (
        <div key={i} className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <select aria-label={`Break ${i + 1} day`} className="rounded border border-slate-300 bg-white px-2 py-1 capitalize" value={b.day}
            onChange={(e) => isDay(e.target.value) && change(i, { day: e.target.value })}>
            {DAYS.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
          </select>
          <input aria-label={`Break ${i + 1} start`} type="time" className="rounded border border-slate-300 px-1" value={b.start} onChange={(e) => change(i, { start: e.target.value })} />
          <input aria-label={`Break ${i + 1} end`} type="time" className="rounded border border-slate-300 px-1" value={b.end} onChange={(e) => change(i, { end: e.target.value })} />
          <button className="text-red-700" aria-label={`Remove break ${i + 1}`} onClick={() => update({ breakTimes: rules.breakTimes.filter((_, k) => k !== i) })}>✕</button>
          {errorFor(`breakTimes[${i}]`) && <span role="alert" className="text-red-700">{errorFor(`breakTimes[${i}]`)}</span>}
        </div>
      ))}
      <button className="mb-4 text-sm text-indigo-700 underline" onClick={() => update({ breakTimes: [...rules.breakTimes, { day: "monday", start: "12:00", end: "13:00" }] })}>
        + break
      </button>
    </>
  );
}
