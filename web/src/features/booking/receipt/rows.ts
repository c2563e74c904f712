import type { Receipt } from "../../../shared/api/types";
import { paymentSummary } from "../../../shared/booking/booking";
import { formatMoney } from "../../../shared/money";
import { dateTimeIn } from "../../../shared/time";

// A receipt's rows: what was paid and what was refunded on rows of their own,
// times in `zone`, the session as the booking shows it to its viewer.
export function receiptRows(r: Receipt, zone: string, session: string): [string, string][] {
  const rows: [string, string][] = [
    ["Receipt number", r.receiptNumber],
    ["Issued", dateTimeIn(r.issuedAt, zone)],
    ["Customer", `${r.customer.name} <${r.customer.email}>`],
    ["Specialist", r.specialist.name],
    ["Service", `${r.service.title} (${r.service.duration} min)`],
    ["Session", session],
    ["Booking status", r.status],
    ["Paid", formatMoney(r.amount, r.currency)],
  ];
  if (r.refundAmount > 0 && r.paymentStatus === "refund-pending") rows.push(["Refund pending", formatMoney(r.refundAmount, r.currency)]);
  if (r.refundAmount > 0 && r.paymentStatus === "refunded") rows.push(["Refunded", formatMoney(r.refundAmount, r.currency)]);
  const payment = { amount: r.amount, currency: r.currency, status: r.paymentStatus, refundAmount: r.refundAmount };
  rows.push(["Payment", paymentSummary(payment, r.status)]);
  return rows;
}
