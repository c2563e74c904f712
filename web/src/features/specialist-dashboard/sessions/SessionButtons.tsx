import { useState } from "react";
import type { Booking } from "../../../shared/api/types";
import { timeIn } from "../../../shared/time";
import { Button, ErrorBox } from "../../../shared/ui/ui";
import { useSessionChanges, type SessionAction } from "./useSessionChanges";

// Start and end the session (from 15 minutes before the start), or record a
// no-show once it has begun. Ending before the booked end asks first (the
// time stays reserved either way); the server's refusals are shown.
export function SessionButtons({ booking: b, zone, onDone }: { booking: Booking; zone: string; onDone?: () => void }) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { act: change } = useSessionChanges(b.id);
  const busy = change.isPending;
  const act = (action: SessionAction) => {
    setConfirmEnd(false);
    change.mutate(action, { onSuccess: () => onDone?.() });
  };
  const started = Date.parse(b.start) <= Date.now();
  const end = () => (Date.now() < Date.parse(b.end) ? setConfirmEnd(true) : act("session/end"));
  return (
    <>
      {b.status === "confirmed" && (
        <Button variant="secondary" disabled={busy} onClick={() => act("session/start")}>
          Start session
        </Button>
      )}
      {b.status === "in-progress" && !confirmEnd && (
        <Button variant="secondary" disabled={busy} onClick={end}>
          End session
        </Button>
      )}
      {b.status === "in-progress" && confirmEnd && (
        <div role="group" aria-label="End the session early?" className="flex w-full flex-wrap items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 p-2 text-sm">
          <p className="w-full">This session is booked until {timeIn(b.end, zone)}. End it now? The time stays reserved.</p>
          <Button variant="danger" disabled={busy} onClick={() => act("session/end")}>
            End it now
          </Button>
          <Button variant="secondary" onClick={() => setConfirmEnd(false)}>
            Keep it going
          </Button>
        </div>
      )}
      {b.status === "confirmed" && started && (
        <Button variant="secondary" disabled={busy} onClick={() => act("no-show")}>
          Customer did not come
        </Button>
      )}
      {b.session?.durationMinutes != null && <span className="self-center text-sm text-slate-600">Session lasted {b.session.durationMinutes} min</span>}
      {change.error !== null && (
        <div className="w-full">
          <ErrorBox error={change.error} />
        </div>
      )}
    </>
  );
}
