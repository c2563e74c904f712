import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useApi } from "../../../shared/api/context";
import { fieldErrors, type FieldErrors } from "../../../shared/api/errors";
import type { User } from "../../../shared/api/types";
import { useAuth } from "../../../shared/auth/auth";
import { Button, Card, ErrorBox, Field, TextInput } from "../../../shared/ui/ui";
import { ZonePicker } from "../../../shared/ui/ZonePicker";

// Name, time zone, and the phone number and consent for SMS reminders.
export function AccountForm({ user }: { user: User }) {
  const api = useApi();
  const { setUser } = useAuth();
  const [form, setForm] = useState({ name: user.name, timezone: user.timezone, phone: user.phone ?? "", smsOptIn: !!user.smsOptIn });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () => api.patch("/api/users/me", { body: { name: form.name, timezone: form.timezone, phone: form.phone.trim() || null, smsOptIn: form.smsOptIn } }),
    onSuccess: (saved) => {
      setUser(saved);
      setErrors({});
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <Card>
      <h1 className="mb-3 text-xl font-semibold">Your profile</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
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
        {save.isSuccess && <span role="status" className="ml-3 text-sm text-green-700">Saved.</span>}
        {save.error !== null && Object.keys(errors).length === 0 && <ErrorBox error={save.error} />}
      </form>
    </Card>
  );
}
