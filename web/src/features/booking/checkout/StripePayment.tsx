import { useEffect, useRef, useState } from "react";
import { Button } from "../../../shared/ui/ui";
import { loadStripe } from "./stripe";
import type { StripeCheckout } from "./useBook";

// Stripe Elements' payment form for a booking's intent; Stripe sends the
// customer back to the booking's page.
export function StripePayment({ publishableKey, secret, bookingId }: StripeCheckout) {
  const mount = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Awaited<ReturnType<typeof loadStripe>> | null>(null);
  const [elements, setElements] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStripe(publishableKey)
      .then((s) => {
        const els = s.elements({ clientSecret: secret });
        els.create("payment").mount(mount.current!);
        setStripe(s);
        setElements(els);
      })
      .catch((e) => setError(e.message));
  }, [publishableKey, secret]);
  return (
    <div>
      <div ref={mount} className="my-3" />
      {error && <p role="alert" className="text-red-700">{error}</p>}
      <Button
        disabled={!stripe}
        onClick={async () => {
          const result = await stripe!.confirmPayment({
            elements,
            confirmParams: { return_url: `${window.location.origin}/bookings/${bookingId}` },
          });
          if (result.error) setError(result.error.message ?? "The payment did not go through.");
        }}
      >
        Pay
      </Button>
    </div>
  );
}
