import { useState } from "react";
import { SlotCalendar } from "./SlotCalendar";
import { Button, ErrorBox, Field, TextInput } from "./ui";
import type { Booking } from "../pages/BookingPage";

// Cancel (with a reason) and reschedule (pick a new slot of the same service),
// through whichever endpoints the caller passes (signed-in or manage link).
export function BookingActions({
  booking,
  zone,
  cancel,
  reschedule,
  policy,
}: {
  booking: Booking;
  zone: string;
  cancel: (reason: string) => Promise<unknown>;
  reschedule?: (slotId: string) => Promise<unknown>;
  policy?: string;
}) {
  const [mode, setMode] = useState<"none" | "cancel" | "reschedule">("none");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode("none");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!["pending", "confirmed"].includes(booking.status)) return null;
  return (
    <div className="mt-3">
      {mode === "none" && (
        <div className="flex gap-2">
          {reschedule && (
            <Button variant="secondary" onClick={() => setMode("reschedule")}>
              Reschedule
            </Button>
          )}
          <Button variant="danger" onClick={() => setMode("cancel")}>
            Cancel booking
          </Button>
        </div>
      )}
      {mode === "cancel" && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3">
          {policy && <p className="mb-2 text-sm">{policy}</p>}
          <Field label="Reason (optional)">{(id) => <TextInput id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="flex gap-2">
            <Button variant="danger" disabled={busy} onClick={() => run(() => cancel(reason))}>
              Confirm cancellation
            </Button>
            <Button variant="secondary" onClick={() => setMode("none")}>
              Keep it
            </Button>
          </div>
        </div>
      )}
      {mode === "reschedule" && reschedule && (
        <div className="rounded-lg border border-slate-200 p-3">
          <p className="mb-2 text-sm">Pick a new time:</p>
          <SlotCalendar
            specialistId={booking.specialist.id}
            serviceId={booking.serviceId}
            zone={zone}
            onPick={(slot) => run(() => reschedule(slot.id))}
          />
          <Button variant="secondary" className="mt-2" onClick={() => setMode("none")}>
            Keep the current time
          </Button>
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
