// Book the slot, then start paying: a free booking is confirmed at once; a
// paid one goes to the sandbox's TEST MODE page, or to Stripe Elements here.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useNavigate } from "react-router";
import { useApi } from "../../../shared/api/context";
import { ApiError, newIdempotencyKey } from "../../../shared/api/errors";
import { families } from "../../../shared/api/keys";

export type StripeCheckout = { publishableKey: string; secret: string; bookingId: string };
type Outcome = { booked: string } | { payAt: string } | { stripe: StripeCheckout };

export function useBook(slotId: string, onStripe: (stripe: StripeCheckout) => void) {
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const key = useRef(newIdempotencyKey());
  return useMutation({
    mutationFn: async ({ notes, zone }: { notes: string; zone: string }): Promise<Outcome> => {
      const booking = await api.post("/api/bookings", {
        body: { slotId, customerNotes: notes, timezone: zone },
        headers: { "Idempotency-Key": key.current },
      });
      if (booking.status !== "pending") return { booked: booking.id };
      const intent = await api.post("/api/payments/create-intent", {
        body: { bookingId: booking.id },
        headers: { "Idempotency-Key": `${key.current}-pay` },
      });
      if (intent.provider === "sandbox" && intent.checkoutUrl) return { payAt: intent.checkoutUrl };
      const config = await api.get("/api/payments/config");
      if (!config.publishableKey) throw new Error("Payments are not set up on this server.");
      return { stripe: { publishableKey: config.publishableKey, secret: intent.clientSecret, bookingId: booking.id } };
    },
    onSuccess: (outcome) => {
      // The slot is taken: calendars, profiles' next free times and the
      // marketplace's next-available lines that showed it are stale (they are
      // otherwise kept fresh for a while, see shared/api/prefetch.ts).
      for (const family of [families.bookings, families.slots, families.specialist, families.specialists])
        void client.invalidateQueries({ queryKey: family });
      if ("booked" in outcome) navigate(`/bookings/${outcome.booked}`);
      else if ("payAt" in outcome) window.location.assign(outcome.payAt);
      else onStripe(outcome.stripe);
    },
    onError: (e) => {
      // Refusals are stored under the key: a later attempt (once the slot is
      // picked again, or a hold paid or cancelled) is a new request.
      if (e instanceof ApiError && (e.status === 409 || e.status === 429)) key.current = newIdempotencyKey();
      // Taken meanwhile: the calendar is stale.
      if (e instanceof ApiError && e.status === 409) void client.invalidateQueries({ queryKey: families.slots });
    },
  });
}
