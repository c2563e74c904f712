import { useState } from "react";
import { Button, Field, TextInput } from "../../../shared/ui/ui";
import { IntervalsEditor } from "./IntervalsEditor";
import type { PartProps } from "./parts";

// Days off, and dates with hours of their own.
export function SpecialDays({ rules, update, errorFor }: PartProps) {
  const [newDate, setNewDate] = useState("");
  const addDayOff = () => {
    update({ unavailableDates: [...new Set([...rules.unavailableDates, newDate])].sort() });
    setNewDate("");
  };
  const addSpecialHours = () => {
    update({ dateOverrides: [...rules.dateOverrides.filter((o) => o.date !== newDate), { date: newDate, closed: false, intervals: [{ start: "10:00", end: "14:00" }] }] });
    setNewDate("");
  };
  return (
    <>
      <h3 className="mb-2 font-semibold">Days off and special days</h3>
      <div className="mb-2 flex flex-wrap items-end gap-2">
        <Field label="Date">{(id) => <TextInput id={id} type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />}</Field>
        <Button variant="secondary" className="mb-4" disabled={!newDate} onClick={addDayOff}>
          Add day off
        </Button>
        <Button variant="secondary" className="mb-4" disabled={!newDate} onClick={addSpecialHours}>
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
    </>
  );
}
