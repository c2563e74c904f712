import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useApi } from "../../shared/api/context";
import { keys } from "../../shared/api/keys";
import { dateTimeIn } from "../../shared/time";
import { Button, Card, Empty, ErrorBox, Spinner } from "../../shared/ui/ui";

// The signed-in user's notifications, newest first, with the unread count.
export function NotificationsPanel({ zone }: { zone: string }) {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery({ queryKey: keys.notifications, queryFn: () => api.get("/api/notifications") });
  const readAll = useMutation({
    mutationFn: () => api.post("/api/notifications/read-all"),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notifications }),
  });
  return (
    <Card>
      <div className="mb-2 flex items-center">
        <h2 className="mr-auto text-lg font-semibold">Notifications {query.data?.unread ? `(${query.data.unread} new)` : ""}</h2>
        {!!query.data?.unread && (
          <Button variant="secondary" onClick={() => readAll.mutate()}>
            Mark all read
          </Button>
        )}
      </div>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {readAll.error !== null && <ErrorBox error={readAll.error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>Nothing yet.</Empty>}
      <ul className="divide-y divide-slate-100">
        {query.data?.items.map((n) => (
          <li key={n.id} className={`py-2 text-sm ${n.readAt ? "text-slate-600" : "font-medium"}`}>
            {n.bookingId ? <Link className="underline" to={`/bookings/${n.bookingId}`}>{n.title}</Link> : n.title}
            {n.bookingStart && <span> · {dateTimeIn(n.bookingStart, zone)}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
