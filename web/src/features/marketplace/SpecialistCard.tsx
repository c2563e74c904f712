import { Link } from "react-router";
import type { SpecialistSummary } from "../../shared/api/types";
import { languageName } from "../../shared/languages";
import { formatMoney } from "../../shared/money";
import { browserZone, dateTimeIn } from "../../shared/time";
import { Card } from "../../shared/ui/ui";

// One specialist in the results; a specialty tag searches for that specialty.
export function SpecialistCard({ specialist: s, onTag }: { specialist: SpecialistSummary; onTag: (specialty: string) => void }) {
  return (
    <Card className="h-full">
      {s.photoUrl && <img src={s.photoUrl} alt="" className="float-right ml-3 h-14 w-14 rounded-full object-cover" />}
      <h2 className="text-lg font-semibold">
        <Link to={`/specialists/${s.id}`} className="text-indigo-700 hover:underline">
          {s.name}
        </Link>
      </h2>
      <p className="text-slate-700">{s.headline}</p>
      {s.specialties.length > 0 && (
        <ul aria-label="Specialties" className="mt-2 flex flex-wrap gap-1">
          {s.specialties.map((sp) => (
            <li key={sp}>
              <button type="button" onClick={() => onTag(sp)} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-indigo-100">
                {sp}
              </button>
            </li>
          ))}
        </ul>
      )}
      {s.languages.length > 0 && <p className="mt-2 text-sm text-slate-600">Speaks {s.languages.map(languageName).join(", ")}</p>}
      {s.nextAvailableAt !== undefined && (
        <p className="mt-2 text-sm font-medium text-emerald-700">
          {s.nextAvailableAt ? `Next available: ${dateTimeIn(s.nextAvailableAt, browserZone())}` : "No free times yet"}
        </p>
      )}
      <p className="mt-2 text-sm">
        {s.priceFrom ? `From ${formatMoney(s.priceFrom.amount, s.priceFrom.currency)}` : "No services yet"}
        {" · "}
        {s.timezone}
      </p>
    </Card>
  );
}
