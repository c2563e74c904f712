// The specialist's changes to a booking's session: start, end, no-show, and
// notes. Each makes the cached bookings stale.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { families } from "../../../shared/api/keys";

export type SessionAction = "session/start" | "session/end" | "no-show";

export function useSessionChanges(bookingId: string) {
  const api = useApi();
  const client = useQueryClient();
  const stale = () => {
    for (const key of [families.bookings, families.booking]) void client.invalidateQueries({ queryKey: key });
  };
  const path = { bookingId };
  const act = useMutation({
    mutationFn: (action: SessionAction) =>
      action === "session/start"
        ? api.post("/api/bookings/{bookingId}/session/start", { path })
        : action === "session/end"
          ? api.post("/api/bookings/{bookingId}/session/end", { path })
          : api.post("/api/bookings/{bookingId}/no-show", { path }),
    onSuccess: stale,
  });
  const saveNotes = useMutation({
    mutationFn: (notes: { sharedNotes: string; specialistNotes: string }) => api.put("/api/bookings/{bookingId}", { path, body: notes }),
    onSuccess: stale,
  });
  return { act, saveNotes };
}
