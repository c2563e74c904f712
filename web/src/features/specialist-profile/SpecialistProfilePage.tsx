import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useApi } from "../../shared/api/context";
import type { Slot } from "../../shared/api/types";
import { checkoutAddress, type CheckoutState } from "../../shared/booking/checkout";
import { ErrorBox, Spinner } from "../../shared/ui/ui";
import { AboutCard } from "./AboutCard";
import { BookingCard } from "./BookingCard";
import { bookableServices, shownZone, specialistQuery } from "./profile";

// "/specialists/:specialistId": who they are, their services and a booking
// calendar on the visitor's clock.
export default function SpecialistProfilePage() {
  const { specialistId = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const zone = shownZone(params);
  const setZone = (z: string) =>
    setParams(
      (p) => {
        p.set("tz", z);
        return p;
      },
      { replace: true },
    );
  const checkout = (slotId: string) => checkoutAddress(slotId, zone);
  const [serviceId, setServiceId] = useState<string | null>(null);
  // Usually already asked for by the route's loader (see app/router.tsx).
  const query = useQuery(specialistQuery(api, specialistId));
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const p = query.data;
  const services = bookableServices(p);
  const chosen = services.find((s) => s.id === serviceId) ?? services[0];
  const specialist = { id: p.id, name: p.name };
  const pick = (slot: Slot) => {
    const state: CheckoutState = { slot, service: chosen, specialist };
    navigate(checkout(slot.id), { state });
  };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="lg:col-span-1">
        <AboutCard profile={p} services={services} zone={zone} checkout={checkout} />
      </div>
      <div className="lg:col-span-2">
        <BookingCard specialistId={p.id} services={services} chosen={chosen} onChoose={setServiceId} zone={zone} onZone={setZone} onPick={pick} />
      </div>
    </div>
  );
}
