import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { fieldErrors } from "../../../shared/api/errors";
import { useAuth } from "../../../shared/auth/auth";
import { Button, Card, ErrorBox, Field, TextInput } from "../../../shared/ui/ui";
import { useReturn } from "./useReturn";

export default function LoginPage() {
  const { login } = useAuth();
  const done = useReturn();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({ mutationFn: () => login(email.trim(), password), onSuccess: done });
  const error = signIn.error;
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Log in</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signIn.mutate();
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
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Logging in…" : "Log in"}
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
