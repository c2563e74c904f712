import { bookingTimes, hasReceipt, paymentSummary, type Booking, type Viewer } from "./booking";
import { googleCalendarUrl, icsFile, outlookCalendarUrl, type CalendarItem } from "./calendar";

// One booking at a glance for one viewer: when (the customer's picked zone and
// their own clock, or the specialist's zone), status, what was paid and
// refunded, the receipt number, and the links that go with it.
export function BookingSummary({ booking, viewer, ownZone }: { booking: Booking; viewer: Viewer; ownZone?: string }) {
  const times = bookingTimes(booking, viewer, ownZone);
  const item = {
    id: booking.id,
    title: `${booking.service.title} with ${viewer === "customer" ? booking.specialist.name : booking.customer.name}`,
    start: booking.start,
    end: booking.end,
    url: booking.meeting?.joinUrl,
  };
  return (
    <div>
      <p className="text-lg font-semibold">{item.title}</p>
      <p data-testid="booking-time">{times.main}</p>
      {times.yours && (
        <p className="text-sm text-slate-600" data-testid="booking-time-yours">
          {times.yours}
        </p>
      )}
      <p className="mt-1">
        Status: <strong data-testid="booking-status">{booking.status}</strong> ·{" "}
        <span data-testid="booking-payment">{paymentSummary(booking.payment, booking.status)}</span>
      </p>
      {hasReceipt(booking) && booking.receiptNumber && (
        <p className="text-sm text-slate-600">
          Receipt number <span data-testid="receipt-number" className="font-mono [overflow-wrap:anywhere]">{booking.receiptNumber}</span>
        </p>
      )}
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
      {booking.status === "confirmed" && <CalendarLinks item={item} />}
    </div>
  );
}

// Add to calendar: Google, Outlook, and an .ics file for Apple Calendar.
function CalendarLinks({ item }: { item: CalendarItem }) {
  return (
    <p className="mt-3 flex flex-wrap gap-3 text-sm">
      <a className="text-indigo-700 underline" href={googleCalendarUrl(item)} target="_blank" rel="noreferrer">
        Add to Google Calendar
      </a>
      <a className="text-indigo-700 underline" href={outlookCalendarUrl(item)} target="_blank" rel="noreferrer">
        Add to Outlook
      </a>
      <a className="text-indigo-700 underline" download={`confer-${item.id}.ics`} href={`data:text/calendar;charset=utf-8,${encodeURIComponent(icsFile(item))}`}>
        Download .ics (Apple Calendar)
      </a>
    </p>
  );
}
