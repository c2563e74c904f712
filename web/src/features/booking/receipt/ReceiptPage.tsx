import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { useAuth } from "../../../shared/auth/auth";
import { bookingTimes } from "../../../shared/booking/booking";
import { browserZone, rangeIn } from "../../../shared/time";
import { Button, Card, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { receiptRows } from "./rows";

// "/bookings/:bookingId/receipt", printable (GET /api/bookings/:id/receipt):
// the receipt number is the API's (the emailed receipt shows the same), the
// session in the zone the booking shows its viewer (the customer's picked
// zone and their own clock; the account's zone alone if the booking cannot
// be read).
export default function ReceiptPage() {
  const { bookingId = "" } = useParams();
  const api = useApi();
  const { user, ready } = useAuth();
  const query = useQuery({
    queryKey: keys.receipt(bookingId),
    queryFn: () => api.get("/api/bookings/{bookingId}/receipt", { path: { bookingId } }),
    enabled: !!user,
  });
  const booking = useQuery({
    queryKey: keys.booking(bookingId),
    queryFn: () => api.get("/api/bookings/{bookingId}", { path: { bookingId } }),
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
  const session = times ? [times.main, times.yours].filter(Boolean).join(" · ") : rangeIn(r.start, r.end, zone);
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Receipt</h1>
        <table className="w-full text-sm">
          <tbody>
            {receiptRows(r, zone, session).map(([label, value]) => (
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
