import { useMutation } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import type { Booking } from "../../../shared/api/types";
import { dateTimeIn } from "../../../shared/time";
import { Button, ErrorBox } from "../../../shared/ui/ui";

// A booking still waiting for its payment: the slot is held until
// holdExpiresAt; paying again reuses the open intent (the server's rule).
export function PayNow({ booking, zone }: { booking: Booking; zone: string }) {
  const api = useApi();
  const pay = useMutation({
    mutationFn: async () => {
      const intent = await api.post("/api/payments/create-intent", { body: { bookingId: booking.id } });
      if (!intent.checkoutUrl) throw new Error("Finish paying from the checkout page.");
      return intent.checkoutUrl;
    },
    onSuccess: (checkoutUrl) => window.location.assign(checkoutUrl),
  });
  return (
    <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
      {booking.holdExpiresAt && <p className="mb-2">We hold this time for you until {dateTimeIn(booking.holdExpiresAt, zone)}.</p>}
      <Button disabled={pay.isPending} onClick={() => pay.mutate()}>
        Pay now
      </Button>
      {pay.error !== null && <ErrorBox error={pay.error} />}
    </div>
  );
}
