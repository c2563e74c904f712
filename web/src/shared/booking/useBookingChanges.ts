// Cancel and reschedule one booking, signed in (by its id) or through a
// manage link (by its token): the refund quote first, then the change, after
// which every cached view of bookings, slots and notifications is stale.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../api/context";
import { families, keys } from "../api/keys";

export type BookingTarget = { bookingId: string } | { token: string };

export function useBookingChanges(target: BookingTarget) {
  const api = useApi();
  const client = useQueryClient();
  const stale = () => {
    for (const key of [families.bookings, families.booking, families.manage, families.receipt, families.slots, keys.notifications])
      void client.invalidateQueries({ queryKey: key });
  };
  const quote = () =>
    "token" in target
      ? api.get("/api/manage/{token}/cancellation", { path: { token: target.token } })
      : api.get("/api/bookings/{bookingId}/cancellation", { path: { bookingId: target.bookingId } });
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      "token" in target
        ? api.post("/api/manage/{token}/cancel", { path: { token: target.token }, body: { reason } })
        : api.delete("/api/bookings/{bookingId}", { path: { bookingId: target.bookingId }, body: { reason } }),
    onSuccess: stale,
  });
  const reschedule = useMutation({
    mutationFn: (slotId: string) =>
      "token" in target
        ? api.post("/api/manage/{token}/reschedule", { path: { token: target.token }, body: { slotId } })
        : api.post("/api/bookings/{bookingId}/reschedule", { path: { bookingId: target.bookingId }, body: { slotId } }),
    onSuccess: stale,
  });
  return { quote, cancel, reschedule };
}
