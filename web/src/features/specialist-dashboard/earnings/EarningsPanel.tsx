import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { formatMoney } from "../../../shared/money";
import { Card, Empty, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { PayoutsSection } from "../payouts/PayoutsSection";
import { ZoomConnect } from "../sessions/ZoomConnect";
import { EarningsChart } from "./EarningsChart";

// The Earnings tab: earnings per month and in total, payouts, and video.
export default function EarningsPanel() {
  const api = useApi();
  const earnings = useQuery({ queryKey: keys.earnings, queryFn: () => api.get("/api/earnings") });
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
      <PayoutsSection />
      <ZoomConnect />
    </Card>
  );
}
