import { useState } from "react";
import type { Booking, Refund } from "../api/types";
import { SlotCalendar } from "../slots/SlotCalendar";
import { Button, ErrorBox } from "../ui/ui";
import { refundDecidedText, type Viewer } from "./booking";
import { CancelPanel } from "./CancelPanel";
import { useBookingChanges, type BookingTarget } from "./useBookingChanges";

// Cancel (with a reason, after seeing the exact refund) and, when
// `canReschedule`, reschedule (pick a new slot of the same service), through
// the signed-in routes or a manage link (`target`). What shows the booking
// refreshes itself: the change makes its queries stale.
type Props = { booking: Booking; target: BookingTarget; viewer: Viewer; zone: string; canReschedule?: boolean; policy?: string };

export function BookingActions({ booking, target, viewer, zone, canReschedule = false, policy }: Props) {
  const [mode, setMode] = useState<"none" | "cancel" | "reschedule">("none");
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const { quote, cancel, reschedule } = useBookingChanges(target);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setMode("none");
    } catch (e) {
      setError(e);
    }
  };
  const confirmCancel = (reason: string) =>
    run(async () => {
      const result = await cancel.mutateAsync(reason);
      const refund: Refund | undefined = result.refund;
      setOutcome([refundDecidedText(result, viewer), refund && refund.amount > 0 ? refund.reason : ""].join(" ").trim());
    });
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
          {canReschedule && (
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
          busy={cancel.isPending}
          onKeep={() => setMode("none")}
          onConfirm={confirmCancel}
        />
      )}
      {open && mode === "reschedule" && canReschedule && (
        <Reschedule booking={booking} zone={zone} onPick={(slotId) => run(() => reschedule.mutateAsync(slotId))} onKeep={() => setMode("none")} />
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

function Reschedule({ booking, zone, onPick, onKeep }: { booking: Booking; zone: string; onPick: (slotId: string) => void; onKeep: () => void }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <p className="mb-2 text-sm">Pick a new time:</p>
      <SlotCalendar specialistId={booking.specialist.id} serviceId={booking.serviceId} zone={zone} onPick={(slot) => onPick(slot.id)} />
      <Button variant="secondary" className="mt-2" onClick={onKeep}>
        Keep the current time
      </Button>
    </div>
  );
}
