import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router";
import { BookingActions } from "../components/BookingActions";
import { BookingSummary } from "../components/BookingSummary";
import { Button, Card, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { useAuth } from "../lib/auth";
import { bookingTimes, hasReceipt, type Booking, type CancellationQuote, type Cancelled } from "../lib/booking";
import { policyText } from "../lib/policy";
import { dateTimeIn } from "../lib/time";

export default function BookingPage() {
  const { bookingId = "" } = useParams();
  const { user, ready } = useAuth();
  const query = useQuery({
    queryKey: ["booking", bookingId],
    queryFn: () => api<Booking>(`/api/bookings/${bookingId}`),
    enabled: !!user,
    refetchInterval: (q) => (q.state.data?.status === "pending" ? 2000 : false),
  });
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: `/bookings/${bookingId}` }} replace />;
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const b = query.data;
  const viewer = user.id === b.customer.id ? "customer" : "specialist";
  // The specialist sees their own zone; the customer the one they picked.
  const zone = bookingTimes(b, viewer).zone;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">
          {b.status === "confirmed" ? "You're booked" : b.status === "pending" ? "Waiting for payment" : "Your booking"}
        </h1>
        <BookingSummary booking={b} viewer={viewer} />
        {b.status === "pending" && viewer === "customer" && <PayNow booking={b} zone={zone} />}
        {viewer === "customer" && (
          <BookingActions
            booking={b}
            viewer="customer"
            zone={zone}
            policy={policyText(b.service.cancellationPolicy)}
            quote={() => api<CancellationQuote>(`/api/bookings/${b.id}/cancellation`)}
            cancel={(reason) => api<Cancelled>(`/api/bookings/${b.id}`, { method: "DELETE", body: { reason } })}
            reschedule={(slotId) => api(`/api/bookings/${b.id}/reschedule`, { method: "POST", body: { slotId } })}
            onChanged={() => query.refetch()}
          />
        )}
        <p className="mt-4 flex flex-wrap gap-3 text-sm">
          <Link className="text-indigo-700 underline" to="/dashboard">
            Manage your bookings
          </Link>
          {hasReceipt(b) && (
            <Link className="text-indigo-700 underline" to={`/bookings/${b.id}/receipt`}>
              Receipt
            </Link>
          )}
        </p>
      </Card>
    </div>
  );
}

// A booking still waiting for its payment: the slot is held until
// holdExpiresAt; paying again reuses the open intent (the server's rule).
function PayNow({ booking, zone }: { booking: Booking; zone: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
      {booking.holdExpiresAt && <p className="mb-2">We hold this time for you until {dateTimeIn(booking.holdExpiresAt, zone)}.</p>}
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const intent = await api<{ provider: string; checkoutUrl?: string }>("/api/payments/create-intent", {
              method: "POST",
              body: { bookingId: booking.id },
            });
            if (intent.checkoutUrl) window.location.assign(intent.checkoutUrl);
            else throw new Error("Finish paying from the checkout page.");
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        Pay now
      </Button>
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
