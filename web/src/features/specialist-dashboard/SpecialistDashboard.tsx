import { useState } from "react";
import { useAuth } from "../../shared/auth/auth";
import { browserZone } from "../../shared/time";
import { Tabs } from "../../shared/ui/Tabs";
import { NotificationsPanel } from "../notifications";
import AvailabilityEditor from "./availability/AvailabilityEditor";
import { SlotsPreview } from "./availability/SlotsPreview";
import { BookingsPanel } from "./bookings/BookingsPanel";
import EarningsPanel from "./earnings/EarningsPanel";
import ServicesPanel from "./services/ServicesPanel";

const TABS = [
  { value: "bookings", label: "Bookings" },
  { value: "availability", label: "Availability" },
  { value: "services", label: "Services" },
  { value: "earnings", label: "Earnings" },
] as const;

// The specialist's dashboard: bookings and sessions, availability, services,
// earnings with payouts, and notifications; times on the specialist's clock.
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
              {tab === "bookings" && <BookingsPanel zone={zone} />}
              {tab === "availability" && (
                <>
                  <AvailabilityEditor />
                  <SlotsPreview zone={zone} />
                </>
              )}
              {tab === "services" && <ServicesPanel />}
              {tab === "earnings" && <EarningsPanel />}
            </div>
          </Tabs>
        </div>
        <NotificationsPanel zone={zone} />
      </div>
    </div>
  );
}
