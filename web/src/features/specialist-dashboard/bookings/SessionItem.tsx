import type { Booking } from "../../../shared/api/types";
import { bookingTimes, paymentSummary } from "../../../shared/booking/booking";
import { BookingActions } from "../../../shared/booking/BookingActions";
import { dateTimeIn } from "../../../shared/time";
import { SessionButtons } from "../sessions/SessionButtons";
import { SessionNotes } from "../sessions/SessionNotes";

// One booking as its specialist sees it: on their clock (the customer's
// picked zone as a hint), the money, the session's controls, notes, cancel.
export function SessionItem({ booking: b, zone }: { booking: Booking; zone: string }) {
  const customerZone = b.customerTimezone || b.customer.timezone;
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="specialist-booking">
      <p className="font-medium">
        {b.service.title} with {b.customer.name}
      </p>
      <p className="text-sm">
        {bookingTimes(b, "specialist", zone).main} · <span>{b.status}</span> · <span>{paymentSummary(b.payment, b.status)}</span>
      </p>
      {customerZone !== zone && (
        <p className="text-xs text-slate-600">
          For {b.customer.name}: {dateTimeIn(b.start, customerZone)}
        </p>
      )}
      {b.cancellationReason && <p className="text-sm text-slate-700">Cancelled: {b.cancellationReason}</p>}
      {b.customerNotes && <p className="text-sm text-slate-700">Customer's notes: {b.customerNotes}</p>}
      <div className="mt-2 flex flex-wrap gap-2">
        <SessionButtons booking={b} zone={zone} />
        {b.meeting && (
          <a className="self-center text-sm text-indigo-700 underline" href={b.meeting.hostUrl || b.meeting.joinUrl} target="_blank" rel="noreferrer">
            {b.meeting.hostUrl ? "Start the meeting (host)" : "Join the meeting"}
          </a>
        )}
      </div>
      <SessionNotes booking={b} />
      <BookingActions
        booking={b}
        target={{ bookingId: b.id }}
        viewer="specialist"
        zone={zone}
        policy="When you cancel, the customer gets everything they paid back."
      />
    </li>
  );
}
