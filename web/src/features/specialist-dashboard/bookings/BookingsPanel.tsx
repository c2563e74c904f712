import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { Button, Card, Empty, ErrorBox, Spinner } from "../../../shared/ui/ui";
import { SessionItem } from "./SessionItem";
import { WeekView } from "./WeekView";

type When = "upcoming" | "past";
type View = "list" | "week";

// The Bookings tab: upcoming or past sessions, as a list or a week.
export function BookingsPanel({ zone }: { zone: string }) {
  const api = useApi();
  const [view, setView] = useState<View>("list");
  const [when, setWhen] = useState<When>("upcoming");
  const query = useQuery({
    queryKey: keys.bookings("specialist", when),
    queryFn: () => api.get("/api/bookings", { query: { role: "specialist", when, pageSize: 50 } }),
  });
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-lg font-semibold">{when === "upcoming" ? "Upcoming sessions" : "Past sessions"}</h2>
        <Toggle label="Which sessions" options={[["upcoming", "Upcoming"], ["past", "Past"]]} value={when} onChange={setWhen} />
        <Toggle label="Bookings view" options={[["list", "List"], ["week", "Week"]]} value={view} onChange={setView} />
      </div>
      {view === "week" && query.isSuccess && <WeekView items={query.data.items} zone={zone} />}
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>No {when} bookings.</Empty>}
      <ul className={`space-y-3 ${view === "week" ? "hidden" : ""}`}>
        {query.data?.items.map((b) => (
          <SessionItem key={b.id} booking={b} zone={zone} />
        ))}
      </ul>
    </Card>
  );
}

function Toggle<T extends string>({ label, options, value, onChange }: { label: string; options: [T, string][]; value: T; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="flex gap-1">
      {options.map(([v, text]) => (
        <Button key={v} variant={value === v ? "primary" : "secondary"} aria-pressed={value === v} onClick={() => onChange(v)}>
          {text}
        </Button>
      ))}
    </div>
  );
}
