import { Link } from "react-router";
import type { Service, SpecialistPage } from "../../shared/api/types";
import { languageName } from "../../shared/languages";
import { dateTimeIn } from "../../shared/time";
import { Card } from "../../shared/ui/ui";
import type { CheckoutState } from "../../shared/booking/checkout";

// Who the specialist is, and their next free times (each a link to checkout).
export function AboutCard({ profile: p, services, zone, checkout }: { profile: SpecialistPage; services: Service[]; zone: string; checkout: (slotId: string) => string }) {
  return (
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
              const state: CheckoutState = { service, specialist: { id: p.id, name: p.name } };
              return (
                <li key={n.slotId}>
                  <Link className="text-indigo-700 hover:underline" to={checkout(n.slotId)} state={state}>
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
  );
}
