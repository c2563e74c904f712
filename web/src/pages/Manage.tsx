import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { BookingActions } from "../components/BookingActions";
import { Card, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { browserZone } from "../lib/time";
import { BookingSummary, type Booking } from "./BookingPage";
import { policyText } from "../lib/policy";

// The manage-booking link from the emails: no login, the token is the key.
export default function Manage() {
  const { token = "" } = useParams();
  const zone = browserZone();
  const query = useQuery({ queryKey: ["manage", token], queryFn: () => api<Booking>(`/api/manage/${token}`) });
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Your booking</h1>
        <BookingSummary booking={query.data} zone={zone} />
        <BookingActions
          booking={query.data}
          zone={zone}
          policy={policyText(query.data.service.cancellationPolicy)}
          cancel={(reason) => api(`/api/manage/${token}/cancel`, { method: "POST", body: { reason } }).then(() => query.refetch())}
          reschedule={(slotId) => api(`/api/manage/${token}/reschedule`, { method: "POST", body: { slotId } }).then(() => query.refetch())}
        />
      </Card>
    </div>
  );
}
