import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router";
import { Button, Card, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { useAuth } from "../lib/auth";
import { bookingTimes, paymentSummary, type Booking } from "../lib/booking";
import { formatMoney } from "../lib/money";
import { browserZone, dateTimeIn, rangeIn } from "../lib/time";

type Receipt = {
  receiptNumber: string;
  bookingId: string;
  issuedAt: string;
  customer: { name: string; email: string };
  specialist: { name: string };
  service: { title: string; duration: number };
  start: string;
  end: string;
  status: string;
  amount: number;
  currency: string;
  paymentStatus: string;
  refundAmount: number;
};

// A printable receipt (GET /api/bookings/:id/receipt): the receipt number is
// the API's (the emailed receipt shows the same), what was paid and what was
// refunded on rows of their own, the session in the zone the booking shows
// its viewer (the customer's picked zone and their own clock; the account's
// zone alone if the booking cannot be read).
export default function ReceiptPage() {
  const { bookingId = "" } = useParams();
  const { user, ready } = useAuth();
  const query = useQuery({
    queryKey: ["receipt", bookingId],
    queryFn: () => api<Receipt>(`/api/bookings/${bookingId}/receipt`),
    enabled: !!user,
  });
  const booking = useQuery({
    queryKey: ["booking", bookingId],
    queryFn: () => api<Booking>(`/api/bookings/${bookingId}`),
    enabled: !!user,
  });
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: `/bookings/${bookingId}/receipt` }} replace />;
  if (query.isPending || booking.isPending) return <Spinner label="Loading the receipt…" />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const r = query.data;
  const b = booking.data;
  const account = user.timezone !== "UTC" ? user.timezone : browserZone();
  const times = b ? bookingTimes(b, user.id === b.customer.id ? "customer" : "specialist") : null;
  const zone = times?.zone ?? account;
  const payment = { amount: r.amount, currency: r.currency, status: r.paymentStatus, refundAmount: r.refundAmount };
  const rows: [string, string][] = [
    ["Receipt number", r.receiptNumber],
    ["Issued", dateTimeIn(r.issuedAt, zone)],
    ["Customer", `${r.customer.name} <${r.customer.email}>`],
    ["Specialist", r.specialist.name],
    ["Service", `${r.service.title} (${r.service.duration} min)`],
    ["Session", times ? [times.main, times.yours].filter(Boolean).join(" · ") : rangeIn(r.start, r.end, zone)],
    ["Booking status", r.status],
    ["Paid", formatMoney(r.amount, r.currency)],
  ];
  if (r.refundAmount > 0 && r.paymentStatus === "refund-pending") rows.push(["Refund pending", formatMoney(r.refundAmount, r.currency)]);
  if (r.refundAmount > 0 && r.paymentStatus === "refunded") rows.push(["Refunded", formatMoney(r.refundAmount, r.currency)]);
  rows.push(["Payment", paymentSummary(payment, r.status)]);
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Receipt</h1>
        <table className="w-full text-sm">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-700">
                  {label}
                </th>
                <td className="py-2 text-right [overflow-wrap:anywhere]">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 flex gap-3 print:hidden">
          <Button onClick={() => window.print()}>Print</Button>
          <Link className="self-center text-sm text-indigo-700 underline" to={`/bookings/${r.bookingId}`}>
            Back to the booking
          </Link>
        </div>
      </Card>
    </div>
  );
}
