import { useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { ZonePicker } from "../components/ZonePicker";
import { Button, Card, ErrorBox, Field, TextInput } from "../components/ui";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { useAuth } from "../lib/auth";
import { browserZone } from "../lib/time";
import { validateSignup } from "../lib/validation";

function useReturn() {
  const location = useLocation();
  const navigate = useNavigate();
  const back = (location.state as { back?: string; backState?: unknown } | null) ?? {};
  return () => navigate(back.back ?? "/dashboard", { state: back.backState, replace: true });
}

function fieldErrors(e: unknown): FieldErrors {
  return e instanceof ApiError ? e.fields : {};
}

export function Login() {
  const { login } = useAuth();
  const done = useReturn();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Log in</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await login(email.trim(), password);
            done();
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field label="Email" error={fieldErrors(error).email}>
          {(id) => <TextInput id={id} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" error={fieldErrors(error).password}>
          {(id) => (
            <TextInput id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        {error !== null && <ErrorBox error={error} />}
        <Button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </Button>
      </form>
      <p className="mt-4 text-sm">
        <Link className="text-indigo-700 underline" to="/forgot-password">
          Forgot your password?
        </Link>{" "}
        ·{" "}
        <Link className="text-indigo-700 underline" to="/signup" state={location.state}>
          Create an account
        </Link>
      </p>
    </Card>
  );
}

export function Signup() {
  const { signup } = useAuth();
  const done = useReturn();
  const [form, setForm] = useState({ name: "", email: "", password: "", role: "customer", timezone: browserZone() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Create your account</h1>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const local = validateSignup(form);
          setErrors(local);
          if (Object.keys(local).length) return;
          setBusy(true);
          setError(null);
          try {
            await signup({ ...form, email: form.email.trim() });
            done();
          } catch (err) {
            setError(err);
            setErrors(fieldErrors(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <fieldset className="mb-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">I want to</legend>
          {[
            ["customer", "Book sessions"],
            ["specialist", "Offer sessions"],
          ].map(([value, label]) => (
            <label key={value} className="mr-4 text-sm">
              <input type="radio" name="role" value={value} checked={form.role === value} onChange={set("role")} className="mr-1" />
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
        {error !== null && Object.keys(errors).length === 0 && <ErrorBox error={error} />}
        <Button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </Button>
      </form>
    </Card>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Reset your password</h1>
      {sent ? (
        <p role="status">If an account uses {email}, a reset link is on its way. It works for 30 minutes.</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await api("/api/auth/forgot-password", { method: "POST", body: { email: email.trim() } });
              setSent(true);
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label="Email">{(id) => <TextInput id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
          {error !== null && <ErrorBox error={error} />}
          <Button type="submit">Send the link</Button>
        </form>
      )}
    </Card>
  );
}

export function ResetPassword() {
  const [params] = useSearchParams();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Choose a new password</h1>
      {done ? (
        <p role="status">
          Done. <Link className="text-indigo-700 underline" to="/login">Log in</Link> with your new password.
        </p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await api("/api/auth/reset-password", { method: "POST", body: { token: params.get("token") ?? "", password } });
              setDone(true);
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label="New password" hint="At least 12 characters." error={fieldErrors(error).password}>
            {(id) => <TextInput id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          {error !== null && <ErrorBox error={error} />}
          <Button type="submit">Save</Button>
        </form>
      )}
    </Card>
  );
}
