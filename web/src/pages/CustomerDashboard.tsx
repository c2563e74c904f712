import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { BookingActions } from "../components/BookingActions";
import { BookingSummary } from "../components/BookingSummary";
import { Tabs } from "../components/Tabs";
import { Button, Card, Empty, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { useAuth } from "../lib/auth";
import { bookingTimes, hasReceipt, type Booking, type CancellationQuote, type Cancelled } from "../lib/booking";
import { policyText } from "../lib/policy";
import { browserZone, dateTimeIn } from "../lib/time";

type Page<T> = { items: T[]; total: number };
type Notification = { id: string; title: string; kind: string; bookingId: string | null; bookingStart: string | null; createdAt: string; readAt: string | null };

export function Notifications({ zone }: { zone: string }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["notifications"], queryFn: () => api<Page<Notification> & { unread: number }>("/api/notifications") });
  const [error, setError] = useState<unknown>(null);
  return (
    <Card>
      <div className="mb-2 flex items-center">
        <h2 className="mr-auto text-lg font-semibold">Notifications {query.data?.unread ? `(${query.data.unread} new)` : ""}</h2>
        {!!query.data?.unread && (
          <Button
            variant="secondary"
            onClick={async () => {
              setError(null);
              try {
                await api("/api/notifications/read-all", { method: "POST", body: {} });
                client.invalidateQueries({ queryKey: ["notifications"] });
              } catch (e) {
                setError(e);
              }
            }}
          >
            Mark all read
          </Button>
        )}
      </div>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {error !== null && <ErrorBox error={error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>Nothing yet.</Empty>}
      <ul className="divide-y divide-slate-100">
        {query.data?.items.map((n) => (
          <li key={n.id} className={`py-2 text-sm ${n.readAt ? "text-slate-600" : "font-medium"}`}>
            {n.bookingId ? <Link className="underline" to={`/bookings/${n.bookingId}`}>{n.title}</Link> : n.title}
            {n.bookingStart && <span> · {dateTimeIn(n.bookingStart, zone)}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function CustomerDashboard() {
  const { user } = useAuth();
  const client = useQueryClient();
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const zone = user && user.timezone !== "UTC" ? user.timezone : browserZone();
  const query = useQuery({
    queryKey: ["bookings", when],
    queryFn: () => api<Page<Booking>>(`/api/bookings?when=${when}&role=customer&pageSize=50`),
  });
  const refresh = () => {
    client.invalidateQueries({ queryKey: ["bookings"] });
    client.invalidateQueries({ queryKey: ["notifications"] });
  };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <h1 className="mb-3 text-2xl font-bold">My bookings</h1>
        <Tabs
          label="Bookings"
          tabs={[{ value: "upcoming", label: "Upcoming" }, { value: "past", label: "Past" }] as const}
          value={when}
          onChange={setWhen}
        >
          {query.isPending && <Spinner />}
          {query.isError && <ErrorBox error={query.error} />}
          {query.isSuccess && query.data.items.length === 0 && (
            <Empty>
              No {when} bookings. <Link className="text-indigo-700 underline" to="/">Find a specialist</Link>
            </Empty>
          )}
          <ul className="space-y-4">
            {query.data?.items.map((b) => (
              <li key={b.id}>
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
                    viewer="customer"
                    zone={bookingTimes(b, "customer").zone}
                    policy={policyText(b.service.cancellationPolicy)}
                    quote={() => api<CancellationQuote>(`/api/bookings/${b.id}/cancellation`)}
                    cancel={(reason) => api<Cancelled>(`/api/bookings/${b.id}`, { method: "DELETE", body: { reason } })}
                    reschedule={(slotId) => api(`/api/bookings/${b.id}/reschedule`, { method: "POST", body: { slotId } })}
                    onChanged={refresh}
                  />
                </Card>
              </li>
            ))}
          </ul>
        </Tabs>
      </div>
      <div>
        <Notifications zone={zone} />
      </div>
    </div>
  );
}
