// How a booking's money and times read to the person looking at it.
import type { Booking, BookingPayment, BookingStatus, CancellationQuote, Cancelled, Refund } from "../api/types";
import { formatMoney } from "../money";
import { rangeIn, rangeYourTime } from "../time";

export type { Booking };
export type Viewer = "customer" | "specialist";

// What a payment summary reads: the booking's money, or a receipt's.
export type PaymentFacts = Pick<BookingPayment, "amount" | "currency" | "status" | "refundAmount"> &
  Partial<Pick<BookingPayment, "refundRequestedAt">>;

// A receipt exists once money has moved: paid, or refunded since.
export function hasReceipt(b: Pick<Booking, "payment">): boolean {
  return b.payment.amount > 0 && ["completed", "refund-pending", "refunded"].includes(b.payment.status);
}

// The payment in words: what was paid and what came back — a partial refund
// never reads as the whole amount refunded.
export function paymentSummary(p: PaymentFacts, bookingStatus?: BookingStatus): string {
  const price = formatMoney(p.amount, p.currency);
  const refund = p.refundAmount > 0 ? formatMoney(p.refundAmount, p.currency) : null;
  if (p.amount <= 0 || p.status === "not-required") return "Free";
  switch (p.status) {
    case "pending":
      return `${price} to pay`;
    case "failed":
      return `Not paid (${price})`;
    case "completed":
      if (p.refundRequestedAt) return `Paid ${price} · Refund requested`;
      return bookingStatus === "cancelled" ? `Paid ${price} · No refund` : `Paid ${price}`;
    case "refund-pending":
      return refund ? `Paid ${price} · Refund of ${refund} pending` : `Paid ${price} · Refund pending`;
    case "refunded":
      return refund ? `Paid ${price} · Refunded ${refund}` : `Paid ${price} · Refunded`;
    default:
      return `${price} · ${p.status}`;
  }
}

// The cancel panel's promise, before anyone confirms: the exact amount.
export function quoteText(q: CancellationQuote, viewer: Viewer): string {
  const who = viewer === "customer" ? "You will get" : "The customer will get";
  const amount = formatMoney(q.refund.amount, q.refund.currency);
  if (q.paid <= 0) return "Nothing has been paid, so nothing is refunded: cancelling frees the time.";
  if (q.refund.amount <= 0) return "No refund under this booking's policy.";
  if (q.refund.amount >= q.paid) return `${who} ${amount} back in full.`;
  return `${who} ${amount} back (of ${formatMoney(q.paid, q.refund.currency)} paid).`;
}

// After the cancellation: the refund the server actually decided.
export function refundDecidedText(result: Pick<Cancelled, "payment"> & { refund?: Refund }, viewer: Viewer): string {
  const refund = result.refund;
  if (refund && refund.amount > 0) {
    const to = viewer === "customer" ? "to you" : "to the customer";
    const when = result.payment?.status === "refunded" ? "was refunded" : "will be refunded";
    return `Cancelled. ${formatMoney(refund.amount, refund.currency)} ${when} ${to}.`;
  }
  return hasReceipt(result) ? "Cancelled. No refund under this booking's policy." : "Cancelled.";
}

type BookingTimes = Pick<Booking, "start" | "end" | "specialist" | "customer"> & { customerTimezone?: string };

// The session's time for one viewer: the customer sees the zone they picked
// and, when their account's zone differs, that clock too; the specialist sees
// their own zone (`ownZone`, default the booking's specialist zone).
export function bookingTimes(b: BookingTimes, viewer: Viewer, ownZone?: string): { zone: string; main: string; yours: string | null } {
  if (viewer === "specialist") {
    const zone = ownZone ?? b.specialist.timezone;
    return { zone, main: rangeIn(b.start, b.end, zone), yours: null };
  }
  const account = b.customer.timezone;
  const zone = b.customerTimezone || account;
  return { zone, main: rangeIn(b.start, b.end, zone), yours: account && account !== zone ? rangeYourTime(b.start, b.end, account) : null };
}
