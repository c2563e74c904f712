import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate } from "react-router";
import { ZonePicker } from "../components/ZonePicker";
import { Button, Card, ErrorBox, Field, Spinner, TextInput } from "../components/ui";
import { PublicProfile } from "./PublicProfile";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { useAuth, type User } from "../lib/auth";

export default function Settings() {
  const { user, ready } = useAuth();
  if (!ready) return <Spinner />;
  if (!user) return <Navigate to="/login" state={{ back: "/settings" }} replace />;
  return <SettingsFor user={user} />;
}

function SettingsFor({ user }: { user: User }) {
  const { setUser } = useAuth();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: user.name, timezone: user.timezone, phone: user.phone ?? "", smsOptIn: !!user.smsOptIn });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState("");
  const feed = useQuery({ queryKey: ["feed"], queryFn: () => api<{ active: boolean }>("/api/calendar/feed") });
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [feedError, setFeedError] = useState<unknown>(null);
  const feedAction = async (action: () => Promise<void>) => {
    setFeedError(null);
    try {
      await action();
      client.invalidateQueries({ queryKey: ["feed"] });
    } catch (e) {
      setFeedError(e);
    }
  };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Your profile</h1>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setStatus("");
            try {
              const saved = await api<User>("/api/users/me", {
                method: "PATCH",
                body: { name: form.name, timezone: form.timezone, phone: form.phone.trim() || null, smsOptIn: form.smsOptIn },
              });
              setUser(saved);
              setErrors({});
              setStatus("Saved.");
            } catch (err) {
              setErrors(err instanceof ApiError ? err.fields : {});
              setError(err);
            }
          }}
        >
          <Field label="Name" error={errors.name}>
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.name} autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label="Time zone" error={errors.timezone}>{(id) => <ZonePicker id={id} value={form.timezone} onChange={(timezone) => setForm({ ...form, timezone })} />}</Field>
          <Field label="Mobile number for SMS reminders" hint="International format, e.g. +14155550123" error={errors.phone}>
            {(id, d) => <TextInput id={id} aria-describedby={d} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />}
          </Field>
          <label className="mb-4 block text-sm">
            <input type="checkbox" className="mr-2" checked={form.smsOptIn} onChange={(e) => setForm({ ...form, smsOptIn: e.target.checked })} />
            Send me an SMS reminder the day before a session
          </label>
          {errors.smsOptIn && <p role="alert" className="mb-2 text-sm text-red-700">{errors.smsOptIn}</p>}
          <Button type="submit">Save</Button>
          {status && <span role="status" className="ml-3 text-sm text-green-700">{status}</span>}
          {error !== null && Object.keys(errors).length === 0 && <ErrorBox error={error} />}
        </form>
      </Card>
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
          <Button
            onClick={() =>
              feedAction(async () => {
                const made = await api<{ url: string }>("/api/calendar/feed", { method: "POST", body: {} });
                setFeedUrl(made.url);
              })
            }
          >
            {feed.data?.active ? "Make a new address" : "Create address"}
          </Button>
          {feed.data?.active && (
            <Button
              variant="danger"
              onClick={() =>
                feedAction(async () => {
                  await api("/api/calendar/feed", { method: "DELETE" });
                  setFeedUrl(null);
                })
              }
            >
              Turn off
            </Button>
          )}
        </div>
        {feed.isError && <ErrorBox error={feed.error} />}
        {feedError !== null && <ErrorBox error={feedError} />}
      </Card>
      {user.role === "specialist" && <PublicProfile />}
    </div>
  );
}
