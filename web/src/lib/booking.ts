// A booking as the API answers it, and how its money and times read to the
// person looking at it.
import { formatMoney } from "./money";
import type { CancellationPolicy } from "./policy";
import { rangeIn, rangeYourTime } from "./time";

export type Payment = {
  amount: number;
  currency: string;
  // pending | completed | not-required | failed | refund-pending | refunded
  status: string;
  refundAmount: number;
  refundRequestedAt?: string | null;
};

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
  service: { id: string; title: string; duration: number; cancellationPolicy: CancellationPolicy };
  specialist: { id: string; name: string; timezone: string };
  customer: { id: string; name: string; timezone: string };
  // The zone the customer picked the slot in (their account's when none was given).
  customerTimezone?: string;
  // The number on every receipt of this booking, emailed or on the web.
  receiptNumber?: string;
  // Only on GET /api/manage/:token: whose link it is.
  viewer?: "customer" | "specialist";
  payment: Payment;
  meeting: { provider: string | null; joinUrl: string; hostUrl?: string } | null;
  recording: { url: string; durationMinutes: number | null; expiresAt: string | null } | null;
  session: { startedAt: string | null; endedAt: string | null; durationMinutes: number | null };
};

export type Viewer = "customer" | "specialist";

// What cancelling gives back: quoted before (GET …/cancellation), decided after.
export type Refund = { amount: number; currency: string; withinDeadline: boolean; reason: string };
export type CancellationQuote = { bookingId: string; paid: number; refund: Refund };
export type Cancelled = Booking & { refund?: Refund };

// A receipt exists once money has moved: paid, or refunded since.
export function hasReceipt(b: Booking): boolean {
  return b.payment.amount > 0 && ["completed", "refund-pending", "refunded"].includes(b.payment.status);
}

// The payment in words: what was paid and what came back — a partial refund
// never reads as the whole amount refunded.
export function paymentSummary(p: Payment, bookingStatus?: string): string {
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
export function refundDecidedText(result: Cancelled, viewer: Viewer): string {
  const refund = result.refund;
  if (refund && refund.amount > 0) {
    const to = viewer === "customer" ? "to you" : "to the customer";
    const when = result.payment?.status === "refunded" ? "was refunded" : "will be refunded";
    return `Cancelled. ${formatMoney(refund.amount, refund.currency)} ${when} ${to}.`;
  }
  return hasReceipt(result) ? "Cancelled. No refund under this booking's policy." : "Cancelled.";
}

// The session's time for one viewer: the customer sees the zone they picked
// and, when their account's zone differs, that clock too; the specialist sees
// their own zone (`ownZone`, default the booking's specialist zone).
export function bookingTimes(b: Booking, viewer: Viewer, ownZone?: string): { zone: string; main: string; yours: string | null } {
  if (viewer === "specialist") {
    const zone = ownZone ?? b.specialist.timezone;
    return { zone, main: rangeIn(b.start, b.end, zone), yours: null };
  }
  const account = b.customer.timezone;
  const zone = b.customerTimezone || account;
  return { zone, main: rangeIn(b.start, b.end, zone), yours: account && account !== zone ? rangeYourTime(b.start, b.end, account) : null };
}
