import { useState } from "react";
import type { Booking } from "../../../shared/api/types";
import { Button, ErrorBox, Field } from "../../../shared/ui/ui";
import { useSessionChanges } from "./useSessionChanges";

// Private notes, and notes shared with the customer (they see them in their history).
export function SessionNotes({ booking }: { booking: Booking }) {
  const [open, setOpen] = useState(false);
  const [shared, setShared] = useState(booking.sharedNotes);
  const [own, setOwn] = useState(booking.specialistNotes ?? "");
  const { saveNotes } = useSessionChanges(booking.id);
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
      {saveNotes.error !== null && <ErrorBox error={saveNotes.error} />}
      <Button variant="secondary" onClick={() => saveNotes.mutate({ sharedNotes: shared, specialistNotes: own }, { onSuccess: () => setOpen(false) })}>
        Save notes
      </Button>
    </div>
  );
}
