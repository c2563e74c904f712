import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrors, type FieldErrors } from "../../../shared/api/errors";
import { useAuth, type SignupInput } from "../../../shared/auth/auth";
import { browserZone } from "../../../shared/time";
import { Button, Card, ErrorBox, Field, TextInput } from "../../../shared/ui/ui";
import { ZonePicker } from "../../../shared/ui/ZonePicker";
import { useReturn } from "./useReturn";
import { validateSignup } from "./validation";

const ROLES = [
  ["customer", "Book sessions"],
  ["specialist", "Offer sessions"],
] as const;

export default function SignupPage() {
  const { signup } = useAuth();
  const done = useReturn();
  const [form, setForm] = useState<SignupInput & { timezone: string }>({ name: "", email: "", password: "", role: "customer", timezone: browserZone() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: () => signup({ ...form, email: form.email.trim() }),
    onSuccess: done,
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const set = (key: "name" | "email" | "password") => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const local = validateSignup(form);
    setErrors(local);
    if (Object.keys(local).length === 0) create.mutate();
  };
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Create your account</h1>
      <form noValidate onSubmit={submit}>
        <fieldset className="mb-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">I want to</legend>
          {ROLES.map(([role, label]) => (
            <label key={role} className="mr-4 text-sm">
              <input type="radio" name="role" value={role} checked={form.role === role} onChange={() => setForm({ ...form, role })} className="mr-1" />
              {label}
            </label>
          ))}
        </fieldset>
        <Field label="Name" error={errors.name}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.name} autoComplete="name" value={form.name} onChange={set("name")} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.email} type="email" autoComplete="email" value={form.email} onChange={set("email")} />}
        </Field>
        <Field label="Password" error={errors.password} hint="At least 12 characters.">
          {(id, d) => (
            <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.password} type="password" autoComplete="new-password" value={form.password} onChange={set("password")} />
          )}
        </Field>
        <Field label="Time zone" error={errors.timezone}>
          {(id) => <ZonePicker id={id} value={form.timezone} onChange={(timezone) => setForm({ ...form, timezone })} />}
        </Field>
        {create.error !== null && Object.keys(errors).length === 0 && <ErrorBox error={create.error} />}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create account"}
        </Button>
      </form>
    </Card>
  );
}
