import { useMutation, useQuery } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { Button, ErrorBox } from "../../../shared/ui/ui";

// Payouts: set up once through Stripe Connect (or the sandbox's TEST MODE page).
export function PayoutsSection() {
  const api = useApi();
  const payout = useQuery({ queryKey: keys.payout, queryFn: () => api.get("/api/payments/connect") });
  const start = useMutation({
    mutationFn: () => api.post("/api/payments/connect"),
    onSuccess: (started) => {
      if (started.onboardingUrl) window.location.assign(started.onboardingUrl);
    },
  });
  return (
    <>
      <h3 className="mb-1 mt-4 font-semibold">Payouts</h3>
      {payout.data?.chargesEnabled ? (
        <p className="text-sm text-green-700">Payouts are set up.</p>
      ) : (
        <Button variant="secondary" onClick={() => start.mutate()}>
          Connect with Stripe
        </Button>
      )}
      {start.error !== null && <ErrorBox error={start.error} />}
    </>
  );
}
