import { useState } from "react";
import { refundDecidedText, type Booking, type CancellationQuote, type Cancelled, type Viewer } from "../lib/booking";
import { CancelPanel } from "./CancelPanel";
import { SlotCalendar } from "./SlotCalendar";
import { Button, ErrorBox } from "./ui";

// Cancel (with a reason, after seeing the exact refund) and reschedule (pick a
// new slot of the same service), through whichever endpoints the caller
// passes (signed-in or manage link). `onChanged` refreshes the caller's data.
export function BookingActions({
  booking,
  viewer,
  zone,
  quote,
  cancel,
  reschedule,
  onChanged,
  policy,
}: {
  booking: Booking;
  viewer: Viewer;
  zone: string;
  quote: () => Promise<CancellationQuote>;
  cancel: (reason: string) => Promise<Cancelled>;
  reschedule?: (slotId: string) => Promise<unknown>;
  onChanged?: () => unknown;
  policy?: string;
}) {
  const [mode, setMode] = useState<"none" | "cancel" | "reschedule">("none");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode("none");
      await onChanged?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = ["pending", "confirmed"].includes(booking.status);
  if (!open && !outcome) return null;
  return (
    <div className="mt-3">
      {outcome && (
        <p role="status" className="mb-2 rounded-lg border border-green-200 bg-green-50 p-3 text-sm" data-testid="cancel-outcome">
          {outcome}
        </p>
      )}
      {open && mode === "none" && (
        <div className="flex flex-wrap gap-2">
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
      {open && mode === "cancel" && (
        <CancelPanel
          bookingId={booking.id}
          viewer={viewer}
          policy={policy}
          quote={quote}
          busy={busy}
          onKeep={() => setMode("none")}
          onConfirm={(reason) =>
            run(async () => {
              const result = await cancel(reason);
              const refund = result?.refund;
              setOutcome([refundDecidedText(result, viewer), refund && refund.amount > 0 ? refund.reason : ""].join(" ").trim());
            })
          }
        />
      )}
      {open && mode === "reschedule" && reschedule && (
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
