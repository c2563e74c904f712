import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { Button, Card, ErrorBox, Field, Spinner } from "../components/ui";
import type { Slot } from "../components/SlotCalendar";
import { api, ApiError, newIdempotencyKey } from "../lib/api";
import { useAuth } from "../lib/auth";
import { formatMoney } from "../lib/money";
import { loadStripe } from "../lib/stripe";
import { browserZone, currentZoneName, isZone, rangeIn, rangeYourTime } from "../lib/time";
import { policyText } from "../lib/policy";
import type { Service } from "./Specialist";

type Booking = { id: string; status: string; payment: { amount: number; currency: string } };
type Intent = { provider: string; clientSecret: string; checkoutUrl?: string };
type Config = { provider: string; publishableKey: string | null };

export default function Checkout() {
  const { slotId = "" } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user, ready } = useAuth();
  const client = useQueryClient();
  // From the calendar the slot comes along; from a link (next free times, a
  // reload) it is fetched.
  const state = location.state as { slot?: Slot; service: Service; specialist: { id: string; name: string } } | null;
  const slot = useQuery({
    queryKey: ["slot", slotId],
    queryFn: () => api<Slot>(`/api/slots/${encodeURIComponent(slotId)}`),
    enabled: !state?.slot,
  });
  const specialistId = slot.data?.specialistId;
  const profile = useQuery({
    queryKey: ["specialist", specialistId],
    queryFn: () => api<{ id: string; name: string; services: Service[] }>(`/api/specialists/${specialistId}`),
    enabled: !state && !!specialistId,
  });
  const sold = state?.slot ?? slot.data;
  const about = state ?? (profile.data && sold
    ? { service: profile.data.services.find((x) => x.id === sold.serviceId), specialist: profile.data }
    : null);
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stripeSecret, setStripeSecret] = useState<{ key: string; secret: string; bookingId: string } | null>(null);
  const key = useRef(newIdempotencyKey());
  // The zone the slot was picked in travels in the address (?tz=), so a
  // reload keeps it; without one, the account's zone.
  const account = user?.timezone && user.timezone !== "UTC" ? user.timezone : browserZone();
  const picked = params.get("tz");
  const zone = isZone(picked) ? currentZoneName(picked) : account;
  const back = location.pathname + location.search;

  if (!ready) return <Spinner />;
  if (!user)
    return (
      <Card>
        <h1 className="text-xl font-semibold">Almost there</h1>
        <p className="my-2">Log in or create a customer account to book this time.</p>
        <div className="flex gap-2">
          <Link className="text-indigo-700 underline" to="/login" state={{ back, backState: state }}>
            Log in
          </Link>
          <Link className="text-indigo-700 underline" to="/signup" state={{ back, backState: state }}>
            Sign up
          </Link>
        </div>
      </Card>
    );
  const s = sold;
  if (!s) return slot.isError ? <ErrorBox error={slot.error} /> : <Spinner />;

  const book = async () => {
    setBusy(true);
    setError(null);
    try {
      const booking = await api<Booking>("/api/bookings", {
        method: "POST",
        body: { slotId, customerNotes: notes, timezone: zone },
        headers: { "Idempotency-Key": key.current },
      });
      if (booking.status !== "pending") return navigate(`/bookings/${booking.id}`);
      const intent = await api<Intent>("/api/payments/create-intent", {
        method: "POST",
        body: { bookingId: booking.id },
        headers: { "Idempotency-Key": `${key.current}-pay` },
      });
      if (intent.provider === "sandbox" && intent.checkoutUrl) {
        window.location.assign(intent.checkoutUrl);
        return;
      }
      const config = await api<Config>("/api/payments/config");
      if (!config.publishableKey) throw new Error("Payments are not set up on this server.");
      setStripeSecret({ key: config.publishableKey, secret: intent.clientSecret, bookingId: booking.id });
    } catch (e) {
      setError(e);
      // Refusals are stored under the key: a later attempt (once the slot is
      // picked again, or a hold paid or cancelled) is a new request.
      if (e instanceof ApiError && (e.status === 409 || e.status === 429)) key.current = newIdempotencyKey();
      // Taken meanwhile: the calendar is stale.
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: ["slots"] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Review your booking</h1>
        {about?.service && (
          <p>
            <strong>{about.service.title}</strong> with {about.specialist.name}
          </p>
        )}
        <p className="mt-2" data-testid="checkout-time">
          {rangeIn(s.start, s.end, zone)} · {s.duration} min
        </p>
        {zone !== account && (
          <p className="text-sm text-slate-600" data-testid="checkout-time-yours">
            {rangeYourTime(s.start, s.end, account)}
          </p>
        )}
        <p className="my-2">
          Price: <strong>{formatMoney(s.price, s.currency)}</strong>
        </p>
        {about?.service && <p className="mb-4 text-sm text-slate-600">{policyText(about.service.cancellationPolicy)}</p>}
        <Field label="Notes for the specialist (optional)">
          {(id) => (
            <textarea
              id={id}
              className="w-full rounded-lg border border-slate-300 p-2 text-sm"
              rows={3}
              maxLength={2000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </Field>
        {error !== null && <ErrorBox error={error} />}
        {error instanceof ApiError && error.status === 429 && (
          <p className="mb-3 text-sm">
            <Link className="text-indigo-700 underline" to="/dashboard">
              Your bookings waiting for payment
            </Link>{" "}
            — pay for one, or cancel one you no longer need, then book this time.
          </p>
        )}
        {error instanceof ApiError && error.status === 409 && (s.specialistId ?? about?.specialist.id) && (
          <p className="mb-3 text-sm">
            <Link className="text-indigo-700 underline" to={`/specialists/${s.specialistId ?? about?.specialist.id}`}>
              Pick another time
            </Link>
          </p>
        )}
        {stripeSecret ? (
          <StripePayment {...stripeSecret} />
        ) : (
          <Button onClick={book} disabled={busy || user.role !== "customer"}>
            {busy ? "Booking…" : s.price > 0 ? "Book and pay" : "Book"}
          </Button>
        )}
        {user.role !== "customer" && <p className="mt-2 text-sm text-slate-600">Only customer accounts can book.</p>}
      </Card>
    </div>
  );
}

function StripePayment({ key: publishable, secret, bookingId }: { key: string; secret: string; bookingId: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Awaited<ReturnType<typeof loadStripe>> | null>(null);
  const [elements, setElements] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStripe(publishable)
      .then((s) => {
        const els = s.elements({ clientSecret: secret });
        els.create("payment").mount(mount.current!);
        setStripe(s);
        setElements(els);
      })
      .catch((e) => setError(e.message));
  }, [publishable, secret]);
  return (
    <div>
      <div ref={mount} className="my-3" />
      {error && <p role="alert" className="text-red-700">{error}</p>}
      <Button
        disabled={!stripe}
        onClick={async () => {
          const result = await stripe!.confirmPayment({
            elements,
            confirmParams: { return_url: `${window.location.origin}/bookings/${bookingId}` },
          });
          if (result.error) setError(result.error.message ?? "The payment did not go through.");
        }}
      >
        Pay
      </Button>
    </div>
  );
}
