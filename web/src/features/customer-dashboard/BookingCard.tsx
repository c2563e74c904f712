import { Link } from "react-router";
import type { Booking } from "../../shared/api/types";
import { bookingTimes, hasReceipt } from "../../shared/booking/booking";
import { BookingActions } from "../../shared/booking/BookingActions";
import { BookingSummary } from "../../shared/booking/BookingSummary";
import { policyText } from "../../shared/booking/policy";
import { Card } from "../../shared/ui/ui";

// One of the customer's bookings: when, what was paid, the specialist's
// shared notes, and cancel or reschedule.
export function BookingCard({ booking: b }: { booking: Booking }) {
  return (
    <Card>
      <BookingSummary booking={b} viewer="customer" />
      {hasReceipt(b) && (
        <p className="mt-2 text-sm text-slate-600">
          <Link className="text-indigo-700 underline" to={`/bookings/${b.id}/receipt`}>
            Receipt
          </Link>
          {" · "}
          <Link className="text-indigo-700 underline" to={`/bookings/${b.id}`}>
            Details
          </Link>
        </p>
      )}
      {b.sharedNotes && <p className="mt-2 text-sm">Notes from your specialist: {b.sharedNotes}</p>}
      <BookingActions
        booking={b}
        target={{ bookingId: b.id }}
        viewer="customer"
        zone={bookingTimes(b, "customer").zone}
        canReschedule
        policy={policyText(b.service.cancellationPolicy)}
      />
    </Card>
  );
}
