import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useApi } from "../../shared/api/context";
import { keys } from "../../shared/api/keys";
import { useAuth } from "../../shared/auth/auth";
import { browserZone } from "../../shared/time";
import { Tabs } from "../../shared/ui/Tabs";
import { Empty, ErrorBox, Spinner } from "../../shared/ui/ui";
import { NotificationsPanel } from "../notifications";
import { BookingCard } from "./BookingCard";

type When = "upcoming" | "past";
const TABS = [
  { value: "upcoming", label: "Upcoming" },
  { value: "past", label: "Past" },
] as const;

// The customer's dashboard: their bookings, upcoming or past, and notifications.
export default function CustomerDashboard() {
  const { user } = useAuth();
  const api = useApi();
  const [when, setWhen] = useState<When>("upcoming");
  const zone = user && user.timezone !== "UTC" ? user.timezone : browserZone();
  const query = useQuery({
    queryKey: keys.bookings(when),
    queryFn: () => api.get("/api/bookings", { query: { when, role: "customer", pageSize: 50 } }),
  });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <h1 className="mb-3 text-2xl font-bold">My bookings</h1>
        <Tabs label="Bookings" tabs={TABS} value={when} onChange={setWhen}>
          {query.isPending && <Spinner />}
          {query.isError && <ErrorBox error={query.error} />}
          {query.isSuccess && query.data.items.length === 0 && (
            <Empty>
              No {when} bookings. <Link className="text-indigo-700 underline" to="/">Find a specialist</Link>
            </Empty>
          )}
          <ul className="space-y-4">
            {query.data?.items.map((b) => (
              <li key={b.id}>
                <BookingCard booking={b} />
              </li>
            ))}
          </ul>
        </Tabs>
      </div>
      <div>
        <NotificationsPanel zone={zone} />
      </div>
    </div>
  );
}
