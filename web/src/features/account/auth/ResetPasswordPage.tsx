import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../../../shared/api/context";
import { fieldErrors } from "../../../shared/api/errors";
import { Button, Card, ErrorBox, Field, TextInput } from "../../../shared/ui/ui";

export default function ResetPasswordPage() {
  const api = useApi();
  const [params] = useSearchParams();
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: () => api.post("/api/auth/reset-password", { body: { token: params.get("token") ?? "", password } }),
  });
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Choose a new password</h1>
      {reset.isSuccess ? (
        <p role="status">
          Done. <Link className="text-indigo-700 underline" to="/login">Log in</Link> with your new password.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate();
          }}
        >
          <Field label="New password" hint="At least 12 characters." error={fieldErrors(reset.error).password}>
            {(id) => <TextInput id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          {reset.error !== null && <ErrorBox error={reset.error} />}
          <Button type="submit">Save</Button>
        </form>
      )}
    </Card>
  );
}
