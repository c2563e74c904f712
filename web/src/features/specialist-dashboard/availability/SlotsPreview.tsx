import { useAuth } from "../../../shared/auth/auth";
import { SlotCalendar } from "../../../shared/slots/SlotCalendar";
import { Card } from "../../../shared/ui/ui";
import { useMyServices } from "../services/useServices";

// The saved rules as customers see them: the first published service's calendar.
export function SlotsPreview({ zone }: { zone: string }) {
  const { user } = useAuth();
  const services = useMyServices();
  const first = services.data?.items.find((s) => s.published);
  if (!user || !first) return null;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">What customers see ({first.title})</h2>
      <SlotCalendar specialistId={user.id} serviceId={first.id} zone={zone} onPick={() => undefined} />
    </Card>
  );
}
