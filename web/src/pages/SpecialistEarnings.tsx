import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { EarningsChart, type EarningsMonth } from "../components/EarningsChart";
import { Button, Card, Empty, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { formatMoney } from "../lib/money";

type Earnings = { months: EarningsMonth[]; totals: { currency: string; gross: number; net: number; platformFee: number }[] };
type Payout = { connected: boolean; chargesEnabled?: boolean; payoutsEnabled?: boolean; onboardingUrl?: string };

export default function EarningsWidget() {
  const earnings = useQuery({ queryKey: ["earnings"], queryFn: () => api<Earnings>("/api/earnings") });
  const payout = useQuery({ queryKey: ["payout"], queryFn: () => api<Payout>("/api/payments/connect") });
  const [error, setError] = useState<unknown>(null);
  const months = earnings.data?.months ?? [];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Earnings</h2>
      {earnings.isPending && <Spinner />}
      {earnings.isError && <ErrorBox error={earnings.error} />}
      {earnings.isSuccess && months.length === 0 && <Empty>No paid sessions yet.</Empty>}
      {months.length > 0 && <EarningsChart months={months} thisMonth={new Date().toISOString().slice(0, 7)} />}
      <ul className="text-sm">
        {earnings.data?.totals.map((t) => (
          <li key={t.currency}>
            {t.currency}: {formatMoney(t.gross, t.currency)} gross, {formatMoney(t.platformFee, t.currency)} fee, <strong>{formatMoney(t.net, t.currency)} yours</strong>
          </li>
        ))}
      </ul>
      <h3 className="mb-1 mt-4 font-semibold">Payouts</h3>
      {payout.data?.chargesEnabled ? (
        <p className="text-sm text-green-700">Payouts are set up.</p>
      ) : (
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              const started = await api<Payout>("/api/payments/connect", { method: "POST", body: {} });
              if (started.onboardingUrl) window.location.assign(started.onboardingUrl);
            } catch (e) {
              setError(e);
            }
          }}
        >
          Connect with Stripe
        </Button>
      )}
      <ZoomConnect />
      {error !== null && <ErrorBox error={error} />}
    </Card>
  );
}

// Connect Zoom Account: meetings then go on the specialist's own Zoom.
function ZoomConnect() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ["zoom"], queryFn: () => api<{ available: boolean; connected: boolean }>("/api/zoom/status") });
  const [error, setError] = useState<unknown>(null);
  if (!status.data?.available) return null;
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">Video</h3>
      {status.data.connected ? (
        <p className="text-sm">
          Your meetings are on your Zoom account.{" "}
          <button className="text-indigo-700 underline" onClick={() => api("/api/zoom/connect", { method: "DELETE" }).then(() => client.invalidateQueries({ queryKey: ["zoom"] }), setError)}>
            Disconnect
          </button>
        </p>
      ) : (
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              window.location.assign((await api<{ authorizeUrl: string }>("/api/zoom/connect")).authorizeUrl);
            } catch (e) {
              setError(e);
            }
          }}
        >
          Connect Zoom Account
        </Button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

