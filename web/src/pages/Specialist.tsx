import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { SlotCalendar, type Slot } from "../components/SlotCalendar";
import { ZonePicker } from "../components/ZonePicker";
import { Button, Card, Empty, ErrorBox, Field, Spinner } from "../components/ui";
import { api } from "../lib/api";
import { languageName } from "../lib/languages";
import { formatMoney } from "../lib/money";
import { policyText, type CancellationPolicy } from "../lib/policy";
import { browserZone, currentZoneName, dateTimeIn, isZone } from "../lib/time";

export type Service = {
  id: string;
  title: string;
  description: string;
  duration: number;
  price: number;
  currency: string;
  published: boolean;
  cancellationPolicy: CancellationPolicy;
};
type Profile = {
  id: string;
  name: string;
  headline: string;
  bio: string;
  specialties: string[];
  languages: string[];
  timezone: string;
  photoUrl?: string | null;
  services: Service[];
  nextAvailable: { start: string; serviceId: string; slotId: string }[];
};

export default function SpecialistPage() {
  const { specialistId = "" } = useParams();
  const navigate = useNavigate();
  // The zone times are shown in lives in the address (?tz=): it goes on to
  // checkout with the picked slot, and survives a reload of either page.
  const [params, setParams] = useSearchParams();
  const picked = params.get("tz");
  const zone = isZone(picked) ? currentZoneName(picked) : browserZone();
  const setZone = (z: string) =>
    setParams(
      (p) => {
        p.set("tz", z);
        return p;
      },
      { replace: true },
    );
  const checkout = (slotId: string) => `/checkout/${encodeURIComponent(slotId)}?${new URLSearchParams({ tz: zone })}`;
  const [serviceId, setServiceId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["specialist", specialistId],
    queryFn: () => api<Profile>(`/api/specialists/${specialistId}`),
  });
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorBox error={query.error} />;
  const p = query.data;
  const services = p.services.filter((s) => s.published);
  const chosen = services.find((s) => s.id === serviceId) ?? services[0];
  const pick = (slot: Slot) =>
    navigate(checkout(slot.id), { state: { slot, service: chosen, specialist: { id: p.id, name: p.name } } });

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="lg:col-span-1">
        <Card>
          {p.photoUrl && <img src={p.photoUrl} alt="" className="mb-3 h-20 w-20 rounded-full object-cover" />}
          <h1 className="text-2xl font-bold">{p.name}</h1>
          <p className="text-slate-700">{p.headline}</p>
          <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{p.bio}</p>
          <p className="mt-3 text-sm text-slate-600">Specialties: {p.specialties.join(", ") || "—"}</p>
          <p className="text-sm text-slate-600">Languages: {p.languages.map(languageName).join(", ") || "—"}</p>
          <p className="text-sm text-slate-600">Works in {p.timezone}</p>
          {p.nextAvailable.length > 0 && (
            <>
              <h2 className="mt-4 font-semibold">Next free times</h2>
              <ul className="text-sm">
                {p.nextAvailable.map((n) => {
                  const service = services.find((x) => x.id === n.serviceId);
                  if (!service) return null;
                  return (
                    <li key={n.slotId}>
                      <Link
                        className="text-indigo-700 hover:underline"
                        to={checkout(n.slotId)}
                        state={{ service, specialist: { id: p.id, name: p.name } }}
                      >
                        {dateTimeIn(n.start, zone)}
                      </Link>
                      <span className="text-slate-600"> · {service.title}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </Card>
      </div>
      <div className="lg:col-span-2">
        <Card>
          <h2 className="mb-3 text-xl font-semibold">Book a session</h2>
          {services.length === 0 ? (
            <Empty>This specialist has no bookable services yet.</Empty>
          ) : (
            <>
              <ul className="mb-4 grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Services">
                {services.map((s) => (
                  <li key={s.id}>
                    <button
                      onClick={() => setServiceId(s.id)}
                      aria-pressed={chosen?.id === s.id}
                      className={`w-full rounded-lg border p-3 text-left ${chosen?.id === s.id ? "border-indigo-600 bg-indigo-50" : "border-slate-200 bg-white"}`}
                    >
                      <span className="block font-medium">{s.title}</span>
                      <span className="block text-sm text-slate-700">
                        {s.duration} min · {formatMoney(s.price, s.currency)}
                      </span>
                      <span className="block text-xs text-slate-600">{policyText(s.cancellationPolicy)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <div className="max-w-sm">
                <Field label="Show times in">{(id) => <ZonePicker id={id} value={zone} onChange={setZone} />}</Field>
              </div>
              {chosen && <SlotCalendar specialistId={p.id} serviceId={chosen.id} zone={zone} onPick={pick} />}
            </>
          )}
          <Button variant="secondary" className="mt-4" onClick={() => navigate("/")}>
            Back to all specialists
          </Button>
        </Card>
      </div>
    </div>
  );
}
