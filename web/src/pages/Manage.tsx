import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { BookingActions } from "../components/BookingActions";
import { BookingSummary } from "../components/BookingSummary";
import { Card, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { bookingTimes, type Booking, type CancellationQuote, type Cancelled } from "../lib/booking";
import { policyText } from "../lib/policy";

// The manage-booking link from the emails: no login, the token is the key.
// Each party's link acts as that party (`viewer`): the customer's shows the
// zone they picked, the specialist's their own.
export default function Manage() {
  const { token = "" } = useParams();
  const query = useQuery({ queryKey: ["manage", token], queryFn: () => api<Booking>(`/api/manage/${token}`) });
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const b = query.data;
  const viewer = b.viewer ?? "customer";
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Your booking</h1>
        <BookingSummary booking={b} viewer={viewer} />
        <BookingActions
          booking={b}
          viewer={viewer}
          zone={bookingTimes(b, viewer).zone}
          policy={viewer === "customer" ? policyText(b.service.cancellationPolicy) : "When you cancel, the customer gets everything they paid back."}
          quote={() => api<CancellationQuote>(`/api/manage/${token}/cancellation`)}
          cancel={(reason) => api<Cancelled>(`/api/manage/${token}/cancel`, { method: "POST", body: { reason } })}
          reschedule={(slotId) => api(`/api/manage/${token}/reschedule`, { method: "POST", body: { slotId } })}
          onChanged={() => query.refetch()}
        />
      </Card>
    </div>
  );
}
