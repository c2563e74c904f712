import { useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../../shared/api/errors";
import type { Slot, User } from "../../../shared/api/types";
import { useAuth } from "../../../shared/auth/auth";
import type { CheckoutState } from "../../../shared/booking/checkout";
import { policyText } from "../../../shared/booking/policy";
import { formatMoney } from "../../../shared/money";
import { browserZone, currentZoneName, isZone, rangeIn, rangeYourTime } from "../../../shared/time";
import { Button, Card, ErrorBox, Field, Spinner } from "../../../shared/ui/ui";
import { StripePayment } from "./StripePayment";
import { useBook, type StripeCheckout } from "./useBook";
import { useCheckoutSlot } from "./useCheckoutSlot";

// "/checkout/:slotId?tz=…": review the slot in the zone it was picked in,
// sign in if need be, book and pay.
export default function CheckoutPage() {
  const { slotId = "" } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const { user, ready } = useAuth();
  const state = location.state as CheckoutState | null;
  const { sold, about, slot } = useCheckoutSlot(slotId, state);
  // The zone the slot was picked in travels in the address (?tz=), so a
  // reload keeps it; without one, the account's zone.
  const account = user?.timezone && user.timezone !== "UTC" ? user.timezone : browserZone();
  const picked = params.get("tz");
  const zone = isZone(picked) ? currentZoneName(picked) : account;
  const back = location.pathname + location.search;

  if (!ready) return <Spinner />;
  if (!user) return <SignInFirst back={back} state={state} />;
  if (!sold) return slot.isError ? <ErrorBox error={slot.error} /> : <Spinner />;
  return <Review slotId={slotId} slot={sold} about={about} user={user} zone={zone} account={account} />;
}

function SignInFirst({ back, state }: { back: string; state: CheckoutState | null }) {
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
}

type ReviewProps = { slotId: string; slot: Slot; about: Omit<CheckoutState, "slot"> | null; user: User; zone: string; account: string };

function Review({ slotId, slot: s, about, user, zone, account }: ReviewProps) {
  const [notes, setNotes] = useState("");
  const [stripe, setStripe] = useState<StripeCheckout | null>(null);
  const book = useBook(slotId, setStripe);
  const error = book.error;
  const specialistId = s.specialistId ?? about?.specialist.id;
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
          {(id) => <textarea id={id} className="w-full rounded-lg border border-slate-300 p-2 text-sm" rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        {error !== null && <ErrorBox error={error} />}
        {error instanceof ApiError && <Refusal status={error.status} specialistId={specialistId} />}
        {stripe ? (
          <StripePayment {...stripe} />
        ) : (
          <Button onClick={() => book.mutate({ notes, zone })} disabled={book.isPending || user.role !== "customer"}>
            {book.isPending ? "Booking…" : s.price > 0 ? "Book and pay" : "Book"}
          </Button>
        )}
        {user.role !== "customer" && <p className="mt-2 text-sm text-slate-600">Only customer accounts can book.</p>}
      </Card>
    </div>
  );
}

// What to do after a refusal: too many unpaid holds (429), or the time taken (409).
function Refusal({ status, specialistId }: { status: number; specialistId?: string }) {
  if (status === 429)
    return (
      <p className="mb-3 text-sm">
        <Link className="text-indigo-700 underline" to="/dashboard">
          Your bookings waiting for payment
        </Link>{" "}
        — pay for one, or cancel one you no longer need, then book this time.
      </p>
    );
  if (status === 409 && specialistId)
    return (
      <p className="mb-3 text-sm">
        <Link className="text-indigo-700 underline" to={`/specialists/${specialistId}`}>
          Pick another time
        </Link>
      </p>
    );
  return null;
}
