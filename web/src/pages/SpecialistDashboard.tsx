import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BookingActions } from "../components/BookingActions";
import { EarningsChart, type EarningsMonth } from "../components/EarningsChart";
import { SlotCalendar } from "../components/SlotCalendar";
import { Tabs } from "../components/Tabs";
import { Button, Card, Empty, ErrorBox, Field, Select, Spinner, TextInput } from "../components/ui";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { useAuth } from "../lib/auth";
import { formatMoney, parseMoney } from "../lib/money";
import { addDays, browserZone, dateTimeIn, localDate, timeIn, todayIn, weekdayLabel, weekStart, rangeIn } from "../lib/time";
import { validateService } from "../lib/validation";
import AvailabilityEditor from "./AvailabilityEditor";
import type { Booking } from "./BookingPage";
import { Notifications } from "./CustomerDashboard";
import { policyText } from "../lib/policy";
import type { Service } from "./Specialist";

type Page<T> = { items: T[]; total: number };

// Private notes, and notes shared with the customer (they see them in their history).
function SessionNotes({ booking, onSaved }: { booking: Booking; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [shared, setShared] = useState(booking.sharedNotes);
  const [own, setOwn] = useState(booking.specialistNotes ?? "");
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button className="mt-2 text-sm text-indigo-700 underline" onClick={() => setOpen(true)}>
        Notes
      </button>
    );
  return (
    <div className="mt-2">
      <Field label="Private notes">{(id) => <textarea id={id} className="w-full rounded border border-slate-300 p-2 text-sm" value={own} onChange={(e) => setOwn(e.target.value)} />}</Field>
      <Field label="Notes shared with the customer">{(id) => <textarea id={id} className="w-full rounded border border-slate-300 p-2 text-sm" value={shared} onChange={(e) => setShared(e.target.value)} />}</Field>
      {error !== null && <ErrorBox error={error} />}
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await api(`/api/bookings/${booking.id}`, { method: "PUT", body: { sharedNotes: shared, specialistNotes: own } });
            setOpen(false);
            onSaved();
          } catch (e) {
            setError(e);
          }
        }}
      >
        Save notes
      </Button>
    </div>
  );
}

// Start and end the session (from 15 minutes before the start), or record a
// no-show once it has begun; the server says when it is too early.
function SessionButtons({ booking: b, onDone }: { booking: Booking; onDone: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/bookings/${b.id}/${action}`, { method: "POST", body: {} });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const started = Date.parse(b.start) <= Date.now();
  return (
    <>
      {b.status === "confirmed" && (
        <Button variant="secondary" disabled={busy} onClick={() => act("session/start")}>
          Start session
        </Button>
      )}
      {b.status === "in-progress" && (
        <Button variant="secondary" disabled={busy} onClick={() => act("session/end")}>
          End session
        </Button>
      )}
      {b.status === "confirmed" && started && (
        <Button variant="secondary" disabled={busy} onClick={() => act("no-show")}>
          Customer did not come
        </Button>
      )}
      {b.session?.durationMinutes != null && <span className="self-center text-sm text-slate-600">Session lasted {b.session.durationMinutes} min</span>}
      {error !== null && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error instanceof Error ? error.message : "That did not work."}
        </p>
      )}
    </>
  );
}

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
              {rangeIn(b.start, b.end, zone)} · <span>{b.status}</span> ·{" "}
              {formatMoney(b.payment.amount, b.payment.currency)} ({b.payment.status})
            </p>
            {b.customer.timezone !== zone && (
              <p className="text-xs text-slate-600">For {b.customer.name}: {dateTimeIn(b.start, b.customer.timezone)}</p>
            )}
            {b.cancellationReason && <p className="text-sm text-slate-700">Cancelled: {b.cancellationReason}</p>}
            {b.customerNotes && <p className="text-sm text-slate-700">Customer's notes: {b.customerNotes}</p>}
            <div className="mt-2 flex flex-wrap gap-2">
              <SessionButtons booking={b} onDone={refresh} />
              {b.meeting && (
                <a className="self-center text-sm text-indigo-700 underline" href={b.meeting.hostUrl || b.meeting.joinUrl} target="_blank" rel="noreferrer">
                  {b.meeting.hostUrl ? "Start the meeting (host)" : "Join the meeting"}
                </a>
              )}
            </div>
            <SessionNotes booking={b} onSaved={refresh} />
            <BookingActions booking={b} zone={zone} policy="When you cancel, the customer gets everything they paid back." cancel={(reason) => api(`/api/bookings/${b.id}`, { method: "DELETE", body: { reason } }).then(refresh)} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Services() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["my-services"], queryFn: () => api<Service[] | Page<Service>>("/api/services") });
  const services = Array.isArray(query.data) ? query.data : query.data?.items ?? [];
  const [form, setForm] = useState({ title: "", description: "", duration: "60", price: "0", currency: "USD", deadlineHours: "24", refund: "none", refundPercentage: "50" });
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const edit = (s: Service) => {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency: s.currency }).resolvedOptions().maximumFractionDigits ?? 2;
    setEditing(s.id);
    setErrors({});
    setForm({
      title: s.title, description: s.description, duration: String(s.duration), price: (s.price / 10 ** digits).toFixed(digits),
      currency: s.currency, deadlineHours: String(s.cancellationPolicy.deadlineHours), refund: s.cancellationPolicy.refund,
      refundPercentage: String(s.cancellationPolicy.refundPercentage ?? 50),
    });
  };
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const refresh = () => client.invalidateQueries({ queryKey: ["my-services"] });
  const [deleting, setDeleting] = useState<string | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  // Publish, unpublish and delete: the list refreshes, or the server's reason shows.
  const run = async (action: () => Promise<unknown>) => {
    setListError(null);
    try {
      await action();
      setDeleting(null);
      refresh();
    } catch (e) {
      setListError(e);
    }
  };
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const local = validateService(form);
    setErrors(local);
    if (Object.keys(local).length) return;
    const price = parseMoney(form.price, form.currency)!;
    setError(null);
    try {
      await api(editing ? `/api/services/${editing}` : "/api/services", {
        method: editing ? "PUT" : "POST",
        body: {
          title: form.title, description: form.description, duration: Number(form.duration), price, currency: form.currency,
          cancellationPolicy: {
            deadlineHours: Number(form.deadlineHours), refund: form.refund,
            ...(form.refund === "percentage" ? { refundPercentage: Number(form.refundPercentage) } : {}),
          },
        },
      });
      setForm({ ...form, title: "", description: "" });
      setEditing(null);
      refresh();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(err.fields);
    }
  };
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Services</h2>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && services.length === 0 && <Empty>No services yet: add your first one below.</Empty>}
      <ul className="mb-4 space-y-2">
        {services.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 text-sm">
            <span className="mr-auto">
              <strong>{s.title}</strong> · {s.duration} min · {formatMoney(s.price, s.currency)} · {s.published ? "published" : "hidden"}
              <span className="block text-xs text-slate-600">{policyText(s.cancellationPolicy)}</span>
            </span>
            <Button variant="secondary" onClick={() => run(() => api(`/api/services/${s.id}/${s.published ? "unpublish" : "publish"}`, { method: "POST", body: {} }))}>
              {s.published ? "Unpublish" : "Publish"}
            </Button>
            <Button variant="secondary" onClick={() => edit(s)} aria-label={`Edit ${s.title}`}>Edit</Button>
            {deleting === s.id ? (
              <span className="flex items-center gap-2" role="group" aria-label={`Delete ${s.title}?`}>
                <span>Withdraw it? Past bookings keep it.</span>
                <Button variant="danger" onClick={() => run(() => api(`/api/services/${s.id}`, { method: "DELETE" }))}>Delete</Button>
                <Button variant="secondary" onClick={() => setDeleting(null)}>Keep</Button>
              </span>
            ) : (
              <Button variant="danger" onClick={() => setDeleting(s.id)} aria-label={`Delete ${s.title}`}>Delete</Button>
            )}
          </li>
        ))}
      </ul>
      {listError !== null && <ErrorBox error={listError} />}
      <form onSubmit={create} noValidate>
        <h3 className="mb-2 font-semibold">{editing ? "Edit service" : "New service"}</h3>
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
          <Field label="Title" error={errors.title}>{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.title} value={form.title} onChange={set("title")} />}</Field>
          <Field label="Length (min)" error={errors.duration}>{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.duration} type="number" min={5} max={480} value={form.duration} onChange={set("duration")} />}</Field>
          <Field label="Price" error={errors.price} hint="In whole units, e.g. 45 or 45.50; 0 for free">{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.price} inputMode="decimal" value={form.price} onChange={set("price")} />}</Field>
          <Field label="Currency" error={errors.currency}>
            {(id) => <Select id={id} value={form.currency} onChange={set("currency")}>{["USD", "EUR", "GBP", "INR", "JPY", "AUD", "CAD"].map((c) => <option key={c}>{c}</option>)}</Select>}
          </Field>
          <Field label="Full refund until (hours before)" error={errors["cancellationPolicy.deadlineHours"]}>
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors["cancellationPolicy.deadlineHours"]} type="number" min={0} max={720} value={form.deadlineHours} onChange={set("deadlineHours")} />}
          </Field>
          <Field label="Refund for later cancellations" error={errors["cancellationPolicy.refund"]}>
            {(id) => (
              <Select id={id} value={form.refund} onChange={set("refund")}>
                <option value="none">None</option>
                <option value="percentage">A percentage</option>
                <option value="full">Full (always free to cancel)</option>
              </Select>
            )}
          </Field>
          {form.refund === "percentage" && (
            <Field label="Late refund (%)" error={errors["cancellationPolicy.refundPercentage"]}>
              {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors["cancellationPolicy.refundPercentage"]} type="number" min={0} max={100} value={form.refundPercentage} onChange={set("refundPercentage")} />}
            </Field>
          )}
        </div>
        <Field label="Description" error={errors.description}>{(id) => <TextInput id={id} value={form.description} onChange={set("description")} />}</Field>
        {error !== null && Object.keys(errors).length === 0 && <ErrorBox error={error} />}
        <div className="flex gap-2">
          <Button type="submit">{editing ? "Save changes" : "Add service"}</Button>
          {editing && (
            <Button type="button" variant="secondary" onClick={() => { setEditing(null); setForm({ ...form, title: "", description: "" }); }}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

type Earnings = { months: EarningsMonth[]; totals: { currency: string; gross: number; net: number; platformFee: number }[] };
type Payout = { connected: boolean; chargesEnabled?: boolean; payoutsEnabled?: boolean; onboardingUrl?: string };

function EarningsWidget() {
  const earnings = useQuery({ queryKey: ["earnings"], queryFn: () => api<Earnings>("/api/earnings") });
  const payout = useQuery({ queryKey: ["payout"], queryFn: () => api<Payout>("/api/payments/connect") });
  const [error, setError] = useState<unknown>(null);
  const months = earnings.data?.months ?? [];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Earnings</h2>
      {earnings.isPending && <Spinner />}
      {earnings.isError && <ErrorBox error={earnings.error} />}
      {earnings.isSuccess && months.length === 0 && <Empty>No paid sessions yet.</Empty>}
      {months.length > 0 && <EarningsChart months={months} thisMonth={new Date().toISOString().slice(0, 7)} />}
      <ul className="text-sm">
        {earnings.data?.totals.map((t) => (
          <li key={t.currency}>
            {t.currency}: {formatMoney(t.gross, t.currency)} gross, {formatMoney(t.platformFee, t.currency)} fee, <strong>{formatMoney(t.net, t.currency)} yours</strong>
          </li>
        ))}
      </ul>
      <h3 className="mb-1 mt-4 font-semibold">Payouts</h3>
      {payout.data?.chargesEnabled ? (
        <p className="text-sm text-green-700">Payouts are set up.</p>
      ) : (
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              const started = await api<Payout>("/api/payments/connect", { method: "POST", body: {} });
              if (started.onboardingUrl) window.location.assign(started.onboardingUrl);
            } catch (e) {
              setError(e);
            }
          }}
        >
          Connect with Stripe
        </Button>
      )}
      <ZoomConnect />
      {error !== null && <ErrorBox error={error} />}
    </Card>
  );
}

// Connect Zoom Account: meetings then go on the specialist's own Zoom.
function ZoomConnect() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ["zoom"], queryFn: () => api<{ available: boolean; connected: boolean }>("/api/zoom/status") });
  const [error, setError] = useState<unknown>(null);
  if (!status.data?.available) return null;
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">Video</h3>
      {status.data.connected ? (
        <p className="text-sm">
          Your meetings are on your Zoom account.{" "}
          <button className="text-indigo-700 underline" onClick={() => api("/api/zoom/connect", { method: "DELETE" }).then(() => client.invalidateQueries({ queryKey: ["zoom"] }), setError)}>
            Disconnect
          </button>
        </p>
      ) : (
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              window.location.assign((await api<{ authorizeUrl: string }>("/api/zoom/connect")).authorizeUrl);
            } catch (e) {
              setError(e);
            }
          }}
        >
          Connect Zoom Account
        </Button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
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
