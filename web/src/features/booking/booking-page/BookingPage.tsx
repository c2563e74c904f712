import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { useAuth } from "../../../shared/auth/auth";
import { bookingTimes, hasReceipt } from "../../../shared/booking/booking";
import { BookingActions } from "../../../shared/booking/BookingActions";
import { BookingSummary } from "../../../shared/booking/BookingSummary";
import { policyText } from "../../../shared/booking/policy";
import { Card, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { PayNow } from "./PayNow";

// "/bookings/:bookingId": one booking for its customer or its specialist;
// while it waits for payment, it is asked again every two seconds.
export default function BookingPage() {
  const { bookingId = "" } = useParams();
  const api = useApi();
  const { user, ready } = useAuth();
  const query = useQuery({
    queryKey: keys.booking(bookingId),
    queryFn: () => api.get("/api/bookings/{bookingId}", { path: { bookingId } }),
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
          <BookingActions booking={b} target={{ bookingId: b.id }} viewer="customer" zone={zone} canReschedule policy={policyText(b.service.cancellationPolicy)} />
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
