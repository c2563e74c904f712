import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ZonePicker } from "../components/ZonePicker";
import { Button, Card, ErrorBox, Field, Spinner, TextInput } from "../components/ui";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { browserZone } from "../lib/time";
import { dayPattern } from "../lib/pattern";
import { validateIntervals, type Interval } from "../lib/validation";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
type Day = (typeof DAYS)[number];
type Rules = {
  id?: string;
  timezone: string;
  workingHours: Record<Day, { enabled: boolean; intervals: Interval[] }>;
  breakTimes: { day: Day; start: string; end: string }[];
  unavailableDates: string[];
  dateOverrides: { date: string; closed: boolean; intervals: Interval[] }[];
  minBookingNotice: number;
  maxAdvanceBooking: number;
  bufferTime: number;
  slotDuration: number[];
};

function defaults(): Rules {
  const workingHours = Object.fromEntries(
    DAYS.map((d) => [d, { enabled: !["saturday", "sunday"].includes(d), intervals: [{ start: "09:00", end: "17:00" }] }]),
  ) as Rules["workingHours"];
  return { timezone: browserZone(), workingHours, breakTimes: [], unavailableDates: [], dateOverrides: [], minBookingNotice: 2, maxAdvanceBooking: 60, bufferTime: 0, slotDuration: [30, 60] };
}

function fromServer(json: Record<string, unknown>): Rules {
  const base = defaults();
  const hours = (json.workingHours ?? {}) as Record<string, { enabled?: boolean; start?: string; end?: string; intervals?: Interval[] }>;
  for (const d of DAYS) {
    const h = hours[d];
    base.workingHours[d] = h
      ? { enabled: h.enabled !== false, intervals: h.intervals?.length ? h.intervals : [{ start: h.start ?? "09:00", end: h.end ?? "17:00" }] }
      : { enabled: false, intervals: [{ start: "09:00", end: "17:00" }] };
  }
  return {
    ...base,
    id: json.id as string,
    timezone: json.timezone as string,
    breakTimes: (json.breakTimes as Rules["breakTimes"]) ?? [],
    unavailableDates: (json.unavailableDates as string[]) ?? [],
    dateOverrides: (json.dateOverrides as Rules["dateOverrides"]) ?? [],
    minBookingNotice: json.minBookingNotice as number,
    maxAdvanceBooking: json.maxAdvanceBooking as number,
    bufferTime: json.bufferTime as number,
    slotDuration: json.slotDuration as number[],
  };
}

function toServer(r: Rules) {
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

function IntervalsEditor({ label, value, onChange }: { label: string; value: Interval[]; onChange: (v: Interval[]) => void }) {
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

export default function AvailabilityEditor() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["my-availability"],
    queryFn: async () => {
      try {
        return fromServer(await api<Record<string, unknown>>("/api/availability"));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return defaults();
        throw e;
      }
    },
  });
  const [rules, setRules] = useState<Rules | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [newDate, setNewDate] = useState("");
  useEffect(() => {
    if (query.data) setRules(query.data);
  }, [query.data]);
  if (query.isPending || !rules) return query.isError ? <ErrorBox error={query.error} /> : <Spinner />;

  const update = (patch: Partial<Rules>) => {
    setSaved(false);
    setRules({ ...rules, ...patch });
  };
  const save = async () => {
    const local: FieldErrors = {};
    for (const d of DAYS) {
      const problem = rules.workingHours[d].enabled && validateIntervals(rules.workingHours[d].intervals);
      if (problem) local[`workingHours.${d}`] = problem;
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    setError(null);
    try {
      const body = toServer(rules);
      const result = rules.id
        ? await api<Record<string, unknown>>(`/api/availability/${rules.id}`, { method: "PUT", body })
        : await api<Record<string, unknown>>("/api/availability", { method: "POST", body });
      setRules(fromServer(result));
      setSaved(true);
      client.invalidateQueries({ queryKey: ["slots"] });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) setErrors(e.fields);
    }
  };
  const errorFor = (prefix: string) =>
    Object.entries(errors).find(([k]) => k === prefix || k.startsWith(prefix + ".") || k.startsWith(prefix + "["))?.[1];

  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Weekly hours</h2>
      <div className="max-w-sm">
        <Field label="Your time zone" error={errors.timezone}>{(id) => <ZonePicker id={id} value={rules.timezone} onChange={(timezone) => update({ timezone })} />}</Field>
      </div>
      <table className="mb-4 w-full text-sm">
        <tbody>
          {DAYS.map((d) => (
            <tr key={d} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-2">
                <label className="capitalize">
                  <input type="checkbox" className="mr-2" checked={rules.workingHours[d].enabled}
                    onChange={(e) => update({ workingHours: { ...rules.workingHours, [d]: { ...rules.workingHours[d], enabled: e.target.checked } } })} />
                  {d}
                </label>
              </td>
              <td className="py-2">
                {rules.workingHours[d].enabled ? (
                  <IntervalsEditor label={d} value={rules.workingHours[d].intervals}
                    onChange={(intervals) => update({ workingHours: { ...rules.workingHours, [d]: { enabled: true, intervals } } })} />
                ) : (
                  <span className="text-slate-600">Unavailable</span>
                )}
                {errorFor(`workingHours.${d}`) && <p role="alert" className="text-red-700">{errorFor(`workingHours.${d}`)}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="mb-2 font-semibold">Breaks</h3>
      {rules.breakTimes.map((b, i) => (
        <div key={i} className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <select aria-label={`Break ${i + 1} day`} className="rounded border border-slate-300 bg-white px-2 py-1 capitalize" value={b.day} onChange={(e) => update({ breakTimes: rules.breakTimes.map((x, k) => (k === i ? { ...x, day: e.target.value as Day } : x)) })}>
            {DAYS.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
          </select>
          <input aria-label={`Break ${i + 1} start`} type="time" className="rounded border border-slate-300 px-1" value={b.start}
            onChange={(e) => update({ breakTimes: rules.breakTimes.map((x, k) => (k === i ? { ...x, start: e.target.value } : x)) })} />
          <input aria-label={`Break ${i + 1} end`} type="time" className="rounded border border-slate-300 px-1" value={b.end}
            onChange={(e) => update({ breakTimes: rules.breakTimes.map((x, k) => (k === i ? { ...x, end: e.target.value } : x)) })} />
          <button className="text-red-700" aria-label={`Remove break ${i + 1}`} onClick={() => update({ breakTimes: rules.breakTimes.filter((_, k) => k !== i) })}>✕</button>
          {errorFor(`breakTimes[${i}]`) && <span role="alert" className="text-red-700">{errorFor(`breakTimes[${i}]`)}</span>}
        </div>
      ))}
      <button className="mb-4 text-sm text-indigo-700 underline" onClick={() => update({ breakTimes: [...rules.breakTimes, { day: "monday", start: "12:00", end: "13:00" }] })}>
        + break
      </button>

      <h3 className="mb-2 font-semibold">Days off and special days</h3>
      <div className="mb-2 flex flex-wrap items-end gap-2">
        <Field label="Date">{(id) => <TextInput id={id} type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />}</Field>
        <Button variant="secondary" className="mb-4" disabled={!newDate} onClick={() => { update({ unavailableDates: [...new Set([...rules.unavailableDates, newDate])].sort() }); setNewDate(""); }}>
          Add day off
        </Button>
        <Button variant="secondary" className="mb-4" disabled={!newDate}
          onClick={() => { update({ dateOverrides: [...rules.dateOverrides.filter((o) => o.date !== newDate), { date: newDate, closed: false, intervals: [{ start: "10:00", end: "14:00" }] }] }); setNewDate(""); }}>
          Add special hours
        </Button>
      </div>
      <ul className="mb-2 text-sm">
        {rules.unavailableDates.map((d) => (
          <li key={d}>
            {d}: day off{" "}
            <button className="text-red-700" aria-label={`Remove day off ${d}`} onClick={() => update({ unavailableDates: rules.unavailableDates.filter((x) => x !== d) })}>✕</button>
          </li>
        ))}
        {rules.dateOverrides.map((o, i) => (
          <li key={o.date} className="my-1 flex flex-wrap items-center gap-2">
            {o.date}:
            {o.closed ? "closed" : (
              <IntervalsEditor label={o.date} value={o.intervals}
                onChange={(intervals) => update({ dateOverrides: rules.dateOverrides.map((x, k) => (k === i ? { ...x, intervals } : x)) })} />
            )}
            <button className="text-red-700" aria-label={`Remove special hours ${o.date}`} onClick={() => update({ dateOverrides: rules.dateOverrides.filter((_, k) => k !== i) })}>✕</button>
          </li>
        ))}
      </ul>
      {errorFor("unavailableDates") && <p role="alert" className="text-red-700">{errorFor("unavailableDates")}</p>}
      {errorFor("dateOverrides") && <p role="alert" className="text-red-700">{errorFor("dateOverrides")}</p>}

      <h3 className="mb-2 mt-4 font-semibold">Booking rules</h3>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-4">
        <Field label="Buffer between bookings (min)" error={errors.bufferTime}>
          {(id) => <TextInput id={id} type="number" min={0} max={240} value={rules.bufferTime} onChange={(e) => update({ bufferTime: Number(e.target.value) })} />}
        </Field>
        <Field label="Minimum notice (hours)" error={errors.minBookingNotice}>
          {(id) => <TextInput id={id} type="number" min={0} value={rules.minBookingNotice} onChange={(e) => update({ minBookingNotice: Number(e.target.value) })} />}
        </Field>
        <Field label="Book up to (days ahead)" error={errors.maxAdvanceBooking}>
          {(id) => <TextInput id={id} type="number" min={1} value={rules.maxAdvanceBooking} onChange={(e) => update({ maxAdvanceBooking: Number(e.target.value) })} />}
        </Field>
        <Field label="Session lengths (min)" error={errors.slotDuration} hint="Comma-separated, e.g. 30, 60">
          {(id) => (
            <TextInput id={id} defaultValue={rules.slotDuration.join(", ")}
              onBlur={(e) => update({ slotDuration: e.target.value.split(",").map((x) => Number(x.trim())).filter((x) => x > 0) })} />
          )}
        </Field>
      </div>
      <DraftPreview rules={rules} />
      {error !== null && <ErrorBox error={error} />}
      <div className="flex items-center gap-3">
        <Button onClick={save}>Save availability</Button>
        {saved && <span role="status" className="text-sm text-green-700">Saved. Your free times below follow at once.</span>}
      </div>
    </Card>
  );
}

// What the rules on screen produce, live, before saving.
function DraftPreview({ rules }: { rules: Rules }) {
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
