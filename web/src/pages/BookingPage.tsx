import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router";
import { BookingActions } from "../components/BookingActions";
import { Button, Card, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { useAuth } from "../lib/auth";
import { googleCalendarUrl, icsFile, outlookCalendarUrl } from "../lib/calendar";
import { formatMoney } from "../lib/money";
import { policyText } from "../lib/policy";
import { browserZone, dateTimeIn, rangeIn } from "../lib/time";

export type Booking = {
  id: string;
  status: string;
  slotId: string;
  start: string;
  end: string;
  serviceId: string;
  customerNotes: string;
  sharedNotes: string;
  specialistNotes?: string;
  cancellationReason: string | null;
  holdExpiresAt: string | null;
  service: { id: string; title: string; duration: number; cancellationPolicy: { deadlineHours: number; refund: string; refundPercentage: number } };
  specialist: { id: string; name: string; timezone: string };
  customer: { id: string; name: string; timezone: string };
  payment: { amount: number; currency: string; status: string; refundAmount: number };
  meeting: { provider: string | null; joinUrl: string; hostUrl?: string } | null;
  recording: { url: string; durationMinutes: number | null; expiresAt: string | null } | null;
  session: { startedAt: string | null; endedAt: string | null; durationMinutes: number | null };
};

// A receipt exists once money has moved: paid, or refunded since.
export function hasReceipt(b: Booking): boolean {
  return b.payment.amount > 0 && ["completed", "refund-pending", "refunded"].includes(b.payment.status);
}

export function BookingSummary({ booking, zone }: { booking: Booking; zone: string }) {
  const item = {
    id: booking.id,
    title: `${booking.service.title} with ${booking.specialist.name}`,
    start: booking.start,
    end: booking.end,
    url: booking.meeting?.joinUrl,
  };
  return (
    <div>
      <p className="text-lg font-semibold">{item.title}</p>
      <p>
        {rangeIn(booking.start, booking.end, zone)}
      </p>
      <p className="mt-1">
        Status: <strong data-testid="booking-status">{booking.status}</strong> · {formatMoney(booking.payment.amount, booking.payment.currency)} (
        {booking.payment.status})
      </p>
      {booking.meeting && (
        <p className="mt-3">
          <a className="font-medium text-indigo-700 underline" href={booking.meeting.joinUrl} target="_blank" rel="noreferrer">
            Join the meeting
          </a>
        </p>
      )}
      {booking.recording && (
        <p className="mt-3">
          <a className="font-medium text-indigo-700 underline" href={booking.recording.url} target="_blank" rel="noreferrer">
            Watch the recording
          </a>
          {booking.recording.durationMinutes !== null && <span className="text-sm text-slate-600"> ({booking.recording.durationMinutes} min)</span>}
        </p>
      )}
      {booking.status === "confirmed" && (
        <p className="mt-3 flex flex-wrap gap-3 text-sm">
          <a className="text-indigo-700 underline" href={googleCalendarUrl(item)} target="_blank" rel="noreferrer">
            Add to Google Calendar
          </a>
          <a className="text-indigo-700 underline" href={outlookCalendarUrl(item)} target="_blank" rel="noreferrer">
            Add to Outlook
          </a>
          <a
            className="text-indigo-700 underline"
            download={`confer-${booking.id}.ics`}
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(icsFile(item))}`}
          >
            Download .ics (Apple Calendar)
          </a>
        </p>
      )}
    </div>
  );
}

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
  const zone = user.timezone !== "UTC" ? user.timezone : browserZone();
  const b = query.data;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">
          {b.status === "confirmed" ? "You're booked" : b.status === "pending" ? "Waiting for payment" : "Your booking"}
        </h1>
        <BookingSummary booking={b} zone={zone} />
        {b.status === "pending" && user.id === b.customer.id && <PayNow booking={b} zone={zone} />}
        {user.id === b.customer.id && (
          <BookingActions
            booking={b}
            zone={zone}
            policy={policyText(b.service.cancellationPolicy)}
            cancel={(reason) => api(`/api/bookings/${b.id}`, { method: "DELETE", body: { reason } }).then(() => query.refetch())}
            reschedule={(slotId) => api(`/api/bookings/${b.id}/reschedule`, { method: "POST", body: { slotId } }).then(() => query.refetch())}
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
