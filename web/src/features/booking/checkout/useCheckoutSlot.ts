import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import type { CheckoutState } from "../../../shared/booking/checkout";

// The slot on sale and what it is (service, specialist): from the calendar's
// navigation state, or fetched when the page was opened from a link.
export function useCheckoutSlot(slotId: string, state: CheckoutState | null) {
  const api = useApi();
  const slot = useQuery({
    queryKey: keys.slot(slotId),
    queryFn: () => api.get("/api/slots/{slotId}", { path: { slotId } }),
    enabled: !state?.slot,
  });
  const specialistId = slot.data?.specialistId;
  const profile = useQuery({
    queryKey: keys.specialist(specialistId),
    queryFn: () => api.get("/api/specialists/{specialistId}", { path: { specialistId: specialistId ?? "" } }),
    enabled: !state && !!specialistId,
  });
  const sold = state?.slot ?? slot.data;
  const about: Omit<CheckoutState, "slot"> | null =
    state ?? (profile.data && sold ? { service: profile.data.services.find((x) => x.id === sold.serviceId), specialist: profile.data } : null);
  return { sold, about, slot };
}
