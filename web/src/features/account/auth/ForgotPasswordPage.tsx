import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useApi } from "../../../shared/api/context";
import { Button, Card, ErrorBox, Field, TextInput } from "../../../shared/ui/ui";

export default function ForgotPasswordPage() {
  const api = useApi();
  const [email, setEmail] = useState("");
  const ask = useMutation({ mutationFn: () => api.post("/api/auth/forgot-password", { body: { email: email.trim() } }) });
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="mb-4 text-xl font-semibold">Reset your password</h1>
      {ask.isSuccess ? (
        <p role="status">If an account uses {email}, a reset link is on its way. It works for 30 minutes.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ask.mutate();
          }}
        >
          <Field label="Email">{(id) => <TextInput id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
          {ask.error !== null && <ErrorBox error={ask.error} />}
          <Button type="submit">Send the link</Button>
        </form>
      )}
    </Card>
  );
}
