import { useNavigate } from "react-router";
import type { Service, Slot } from "../../shared/api/types";
import { policyText } from "../../shared/booking/policy";
import { formatMoney } from "../../shared/money";
import { SlotCalendar } from "../../shared/slots/SlotCalendar";
import { Button, Card, Empty, Field } from "../../shared/ui/ui";
import { ZonePicker } from "../../shared/ui/ZonePicker";

type Props = {
  specialistId: string;
  services: Service[];
  chosen: Service | undefined;
  onChoose: (serviceId: string) => void;
  zone: string;
  onZone: (zone: string) => void;
  onPick: (slot: Slot) => void;
};

// Book a session: pick a service, the zone to see times in, and a free slot.
export function BookingCard({ specialistId, services, chosen, onChoose, zone, onZone, onPick }: Props) {
  const navigate = useNavigate();
  return (
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
                  onClick={() => onChoose(s.id)}
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
            <Field label="Show times in">{(id) => <ZonePicker id={id} value={zone} onChange={onZone} />}</Field>
          </div>
          {chosen && <SlotCalendar specialistId={specialistId} serviceId={chosen.id} zone={zone} onPick={onPick} />}
        </>
      )}
      <Button variant="secondary" className="mt-4" onClick={() => navigate("/")}>
        Back to all specialists
      </Button>
    </Card>
  );
}
