import { useState } from "react";
import { api } from "../lib/api";
import type { Booking } from "../lib/booking";
import { Button, ErrorBox, Field } from "./ui";

// Private notes, and notes shared with the customer (they see them in their history).
export function SessionNotes({ booking, onSaved }: { booking: Booking; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [shared, setShared] = useState(booking.sharedNotes);
  const [own, setOwn] = useState(booking.specialistNotes ?? "");
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button className="mt-2 text-sm text-indigo-700 underline" onClick={() => setOpen(true)}>
        Notes
      </button>
    );
  return (
    <div className="mt-2">
      <Field label="Private notes">{(id) => <textarea id={id} className="w-full rounded border border-slate-300 p-2 text-sm" value={own} onChange={(e) => setOwn(e.target.value)} />}</Field>
      <Field label="Notes shared with the customer">{(id) => <textarea id={id} className="w-full rounded border border-slate-300 p-2 text-sm" value={shared} onChange={(e) => setShared(e.target.value)} />}</Field>
      {error !== null && <ErrorBox error={error} />}
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await api(`/api/bookings/${booking.id}`, { method: "PUT", body: { sharedNotes: shared, specialistNotes: own } });
            setOpen(false);
            onSaved();
          } catch (e) {
            setError(e);
          }
        }}
      >
        Save notes
      </Button>
    </div>
  );
}

// Start and end the session (from 15 minutes before the start), or record a
