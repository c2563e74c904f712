import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, Empty, ErrorBox, Field, Select, Spinner, TextInput } from "../components/ui";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { formatMoney, parseMoney } from "../lib/money";
import { policyText } from "../lib/policy";
import { validateService } from "../lib/validation";
import type { Service } from "./Specialist";

type Page<T> = { items: T[]; total: number };

// The specialist's services: add, edit, publish, unpublish, withdraw.
export default function Services() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["my-services"], queryFn: () => api<Service[] | Page<Service>>("/api/services") });
  const services = Array.isArray(query.data) ? query.data : query.data?.items ?? [];
  const [form, setForm] = useState({ title: "", description: "", duration: "60", price: "0", currency: "USD", deadlineHours: "24", refund: "none", refundPercentage: "50" });
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const edit = (s: Service) => {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency: s.currency }).resolvedOptions().maximumFractionDigits ?? 2;
    setEditing(s.id);
    setErrors({});
    setForm({
      title: s.title, description: s.description, duration: String(s.duration), price: (s.price / 10 ** digits).toFixed(digits),
      currency: s.currency, deadlineHours: String(s.cancellationPolicy.deadlineHours), refund: s.cancellationPolicy.refund,
      refundPercentage: String(s.cancellationPolicy.refundPercentage ?? 50),
    });
  };
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const refresh = () => client.invalidateQueries({ queryKey: ["my-services"] });
  const [deleting, setDeleting] = useState<string | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  // Publish, unpublish and delete: the list refreshes, or the server's reason shows.
  const run = async (action: () => Promise<unknown>) => {
    setListError(null);
    try {
      await action();
      setDeleting(null);
      refresh();
    } catch (e) {
      setListError(e);
    }
  };
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const local = validateService(form);
    setErrors(local);
    if (Object.keys(local).length) return;
    const price = parseMoney(form.price, form.currency)!;
    setError(null);
    try {
      await api(editing ? `/api/services/${editing}` : "/api/services", {
        method: editing ? "PUT" : "POST",
        body: {
          title: form.title, description: form.description, duration: Number(form.duration), price, currency: form.currency,
          cancellationPolicy: {
            deadlineHours: Number(form.deadlineHours), refund: form.refund,
            ...(form.refund === "percentage" ? { refundPercentage: Number(form.refundPercentage) } : {}),
          },
        },
      });
      setForm({ ...form, title: "", description: "" });
      setEditing(null);
      refresh();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(err.fields);
    }
  };
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Services</h2>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && services.length === 0 && <Empty>No services yet: add your first one below.</Empty>}
      <ul className="mb-4 space-y-2">
        {services.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 text-sm">
            <span className="mr-auto">
              <strong>{s.title}</strong> · {s.duration} min · {formatMoney(s.price, s.currency)} · {s.published ? "published" : "hidden"}
              <span className="block text-xs text-slate-600">{policyText(s.cancellationPolicy)}</span>
            </span>
            <Button variant="secondary" onClick={() => run(() => api(`/api/services/${s.id}/${s.published ? "unpublish" : "publish"}`, { method: "POST", body: {} }))}>
              {s.published ? "Unpublish" : "Publish"}
            </Button>
            <Button variant="secondary" onClick={() => edit(s)} aria-label={`Edit ${s.title}`}>Edit</Button>
            {deleting === s.id ? (
              <span className="flex items-center gap-2" role="group" aria-label={`Delete ${s.title}?`}>
                <span>Withdraw it? Past bookings keep it.</span>
                <Button variant="danger" onClick={() => run(() => api(`/api/services/${s.id}`, { method: "DELETE" }))}>Delete</Button>
                <Button variant="secondary" onClick={() => setDeleting(null)}>Keep</Button>
              </span>
            ) : (
              <Button variant="danger" onClick={() => setDeleting(s.id)} aria-label={`Delete ${s.title}`}>Delete</Button>
            )}
          </li>
        ))}
      </ul>
      {listError !== null && <ErrorBox error={listError} />}
      <form onSubmit={create} noValidate>
        <h3 className="mb-2 font-semibold">{editing ? "Edit service" : "New service"}</h3>
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
          <Field label="Title" error={errors.title}>{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.title} value={form.title} onChange={set("title")} />}</Field>
          <Field label="Length (min)" error={errors.duration}>{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.duration} type="number" min={5} max={480} value={form.duration} onChange={set("duration")} />}</Field>
          <Field label="Price" error={errors.price} hint="In whole units, e.g. 45 or 45.50; 0 for free">{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.price} inputMode="decimal" value={form.price} onChange={set("price")} />}</Field>
          <Field label="Currency" error={errors.currency}>
            {(id) => <Select id={id} value={form.currency} onChange={set("currency")}>{["USD", "EUR", "GBP", "INR", "JPY", "AUD", "CAD"].map((c) => <option key={c}>{c}</option>)}</Select>}
          </Field>
          <Field label="Full refund until (hours before)" error={errors["cancellationPolicy.deadlineHours"]}>
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors["cancellationPolicy.deadlineHours"]} type="number" min={0} max={720} value={form.deadlineHours} onChange={set("deadlineHours")} />}
          </Field>
          <Field label="Refund for later cancellations" error={errors["cancellationPolicy.refund"]}>
            {(id) => (
              <Select id={id} value={form.refund} onChange={set("refund")}>
                <option value="none">None</option>
                <option value="percentage">A percentage</option>
                <option value="full">Full (always free to cancel)</option>
              </Select>
            )}
          </Field>
          {form.refund === "percentage" && (
            <Field label="Late refund (%)" error={errors["cancellationPolicy.refundPercentage"]}>
              {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors["cancellationPolicy.refundPercentage"]} type="number" min={0} max={100} value={form.refundPercentage} onChange={set("refundPercentage")} />}
            </Field>
          )}
        </div>
        <Field label="Description" error={errors.description}>{(id) => <TextInput id={id} value={form.description} onChange={set("description")} />}</Field>
        {error !== null && Object.keys(errors).length === 0 && <ErrorBox error={error} />}
        <div className="flex gap-2">
          <Button type="submit">{editing ? "Save changes" : "Add service"}</Button>
          {editing && (
            <Button type="button" variant="secondary" onClick={() => { setEditing(null); setForm({ ...form, title: "", description: "" }); }}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

