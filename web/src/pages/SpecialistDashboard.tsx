import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BookingActions } from "../components/BookingActions";
import { SessionButtons } from "../components/SessionButtons";
import { SessionNotes } from "../components/SessionNotes";
import { SlotCalendar } from "../components/SlotCalendar";
import { Tabs } from "../components/Tabs";
import { Button, Card, Empty, ErrorBox, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { useAuth } from "../lib/auth";
import { bookingTimes, paymentSummary, type Booking, type CancellationQuote, type Cancelled } from "../lib/booking";
import { addDays, browserZone, dateTimeIn, localDate, timeIn, todayIn, weekdayLabel, weekStart } from "../lib/time";
import AvailabilityEditor from "./AvailabilityEditor";
import { Notifications } from "./CustomerDashboard";
import type { Service } from "./Specialist";
import Services from "./SpecialistServices";
import EarningsWidget from "./SpecialistEarnings";

type Page<T> = { items: T[]; total: number };

// The week ahead as a calendar: each day's bookings on the specialist's clock.
function WeekView({ items, zone }: { items: Booking[]; zone: string }) {
  const [from, setFrom] = useState(() => weekStart(todayIn(zone)));
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return (
    <div>
      <div className="mb-2 flex items-center gap-2">
        <Button variant="secondary" aria-label="Previous week" onClick={() => setFrom(addDays(from, -7))}>←</Button>
        <Button variant="secondary" aria-label="Next week" onClick={() => setFrom(addDays(from, 7))}>→</Button>
        <span className="text-sm text-slate-600">Times in {zone}</span>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-7">
        {days.map((d) => (
          <div key={d} className="min-h-24 rounded-lg border border-slate-200 p-2">
            <p className="mb-1 text-sm font-medium">{weekdayLabel(d)}</p>
            {items
              .filter((b) => localDate(b.start, zone) === d)
              .map((b) => (
                <p key={b.id} className={`mb-1 rounded px-1 text-xs ${b.status === "cancelled" ? "bg-slate-100 line-through" : "bg-indigo-100"}`}>
                  {timeIn(b.start, zone)} {b.customer.name}
                </p>
              ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Bookings({ zone }: { zone: string }) {
  const [view, setView] = useState<"list" | "week">("list");
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["bookings", "specialist", when],
    queryFn: () => api<Page<Booking>>(`/api/bookings?role=specialist&when=${when}&pageSize=50`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["bookings"] });
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-lg font-semibold">{when === "upcoming" ? "Upcoming sessions" : "Past sessions"}</h2>
        <div role="group" aria-label="Which sessions" className="flex gap-1">
          {(["upcoming", "past"] as const).map((w) => (
            <Button key={w} variant={when === w ? "primary" : "secondary"} aria-pressed={when === w} onClick={() => setWhen(w)}>
              {w === "upcoming" ? "Upcoming" : "Past"}
            </Button>
          ))}
        </div>
        <div role="group" aria-label="Bookings view" className="flex gap-1">
          {(["list", "week"] as const).map((v) => (
            <Button key={v} variant={view === v ? "primary" : "secondary"} aria-pressed={view === v} onClick={() => setView(v)}>
              {v === "list" ? "List" : "Week"}
            </Button>
          ))}
        </div>
      </div>
      {view === "week" && query.isSuccess && <WeekView items={query.data.items} zone={zone} />}
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>No {when} bookings.</Empty>}
      <ul className={`space-y-3 ${view === "week" ? "hidden" : ""}`}>
        {query.data?.items.map((b) => (
          <li key={b.id} className="rounded-lg border border-slate-200 p-3" data-testid="specialist-booking">
            <p className="font-medium">
              {b.service.title} with {b.customer.name}
            </p>
            <p className="text-sm">
              {bookingTimes(b, "specialist", zone).main} · <span>{b.status}</span> ·{" "}
              <span>{paymentSummary(b.payment, b.status)}</span>
            </p>
            {(b.customerTimezone || b.customer.timezone) !== zone && (
              <p className="text-xs text-slate-600">For {b.customer.name}: {dateTimeIn(b.start, b.customerTimezone || b.customer.timezone)}</p>
            )}
            {b.cancellationReason && <p className="text-sm text-slate-700">Cancelled: {b.cancellationReason}</p>}
            {b.customerNotes && <p className="text-sm text-slate-700">Customer's notes: {b.customerNotes}</p>}
            <div className="mt-2 flex flex-wrap gap-2">
              <SessionButtons booking={b} zone={zone} onDone={refresh} />
              {b.meeting && (
                <a className="self-center text-sm text-indigo-700 underline" href={b.meeting.hostUrl || b.meeting.joinUrl} target="_blank" rel="noreferrer">
                  {b.meeting.hostUrl ? "Start the meeting (host)" : "Join the meeting"}
                </a>
              )}
            </div>
            <SessionNotes booking={b} onSaved={refresh} />
            <BookingActions
              booking={b}
              viewer="specialist"
              zone={zone}
              policy="When you cancel, the customer gets everything they paid back."
              quote={() => api<CancellationQuote>(`/api/bookings/${b.id}/cancellation`)}
              cancel={(reason) => api<Cancelled>(`/api/bookings/${b.id}`, { method: "DELETE", body: { reason } })}
              onChanged={refresh}
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Preview({ zone }: { zone: string }) {
  const { user } = useAuth();
  const services = useQuery({ queryKey: ["my-services"], queryFn: () => api<Service[] | Page<Service>>("/api/services") });
  const list = Array.isArray(services.data) ? services.data : services.data?.items ?? [];
  const first = list.find((s) => s.published);
  if (!user || !first) return null;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">What customers see ({first.title})</h2>
      <SlotCalendar specialistId={user.id} serviceId={first.id} zone={zone} onPick={() => undefined} />
    </Card>
  );
}

const TABS = [
  { value: "bookings", label: "Bookings" },
  { value: "availability", label: "Availability" },
  { value: "services", label: "Services" },
  { value: "earnings", label: "Earnings" },
] as const;

export default function SpecialistDashboard() {
  const { user } = useAuth();
  const [tab, setTab] = useState<(typeof TABS)[number]["value"]>("bookings");
  const zone = user && user.timezone !== "UTC" ? user.timezone : browserZone();
  return (
    <div>
      <h1 className="mb-3 text-2xl font-bold">Your practice</h1>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Tabs label="Dashboard" tabs={TABS} value={tab} onChange={setTab}>
            <div className="space-y-6">
              {tab === "bookings" && <Bookings zone={zone} />}
              {tab === "availability" && (
                <>
                  <AvailabilityEditor />
                  <Preview zone={zone} />
                </>
              )}
              {tab === "services" && <Services />}
              {tab === "earnings" && <EarningsWidget />}
            </div>
          </Tabs>
        </div>
        <Notifications zone={zone} />
      </div>
    </div>
  );
}

