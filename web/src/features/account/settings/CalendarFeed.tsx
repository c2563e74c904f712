import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useApi } from "../../../shared/api/context";
import { keys } from "../../../shared/api/keys";
import { Button, Card, ErrorBox } from "../../../shared/ui/ui";

// A private calendar subscription address: made (replacing any earlier one),
// shown once, or turned off.
export function CalendarFeed() {
  const api = useApi();
  const client = useQueryClient();
  const feed = useQuery({ queryKey: keys.feed, queryFn: () => api.get("/api/calendar/feed") });
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const stale = () => client.invalidateQueries({ queryKey: keys.feed });
  const make = useMutation({ mutationFn: () => api.post("/api/calendar/feed"), onSuccess: (made) => (setFeedUrl(made.url), stale()) });
  const revoke = useMutation({ mutationFn: () => api.delete("/api/calendar/feed"), onSuccess: () => (setFeedUrl(null), stale()) });
  const error = make.error ?? revoke.error;
  return (
    <Card>
      <h2 className="mb-2 text-xl font-semibold">Calendar subscription</h2>
      <p className="mb-3 text-sm text-slate-700">
        A private address Google Calendar, Apple Calendar or Outlook can subscribe to. Anyone with it sees your bookings: make a new one to end the old.
      </p>
      {feedUrl && (
        <p className="mb-3 break-all rounded bg-slate-100 p-2 text-sm" data-testid="feed-url">
          {feedUrl}
        </p>
      )}
      <div className="flex gap-2">
        <Button onClick={() => (revoke.reset(), make.mutate())}>{feed.data?.active ? "Make a new address" : "Create address"}</Button>
        {feed.data?.active && (
          <Button variant="danger" onClick={() => (make.reset(), revoke.mutate())}>
            Turn off
          </Button>
        )}
      </div>
      {feed.isError && <ErrorBox error={feed.error} />}
      {error !== null && <ErrorBox error={error} />}
    </Card>
  );
}
