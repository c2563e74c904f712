import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { Button, Card, ErrorBox, Field, Spinner, TextInput } from "../components/ui";
import { api, ApiError, type FieldErrors } from "../lib/api";
import { useAuth } from "../lib/auth";
import { languageName } from "../lib/languages";
import { listFrom } from "../lib/validation";

type Profile = { headline: string; bio: string; specialties: string[]; languages: string[]; photoUrl: string | null };

// What customers read on the marketplace and the profile page.
export function PublicProfile() {
  const { user } = useAuth();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["my-profile"], queryFn: () => api<Profile>("/api/specialists/me") });
  const [form, setForm] = useState({ headline: "", bio: "", specialties: "", languages: "", photoUrl: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState("");
  useEffect(() => {
    if (query.data)
      setForm({
        headline: query.data.headline ?? "",
        bio: query.data.bio ?? "",
        specialties: (query.data.specialties ?? []).join(", "),
        languages: (query.data.languages ?? []).join(", "),
        photoUrl: query.data.photoUrl ?? "",
      });
  }, [query.data]);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus("");
    setError(null);
    try {
      await api("/api/specialists/me", {
        method: "PATCH",
        body: {
          headline: form.headline.trim(),
          bio: form.bio.trim(),
          specialties: listFrom(form.specialties),
          languages: listFrom(form.languages),
          photoUrl: form.photoUrl.trim() || null,
        },
      });
      setErrors({});
      setStatus("Saved.");
      client.invalidateQueries({ queryKey: ["my-profile"] });
      client.invalidateQueries({ queryKey: ["specialist"] });
      client.invalidateQueries({ queryKey: ["specialists"] });
    } catch (err) {
      setError(err);
      setErrors(err instanceof ApiError ? err.fields : {});
    }
  };
  // Errors on list items ("specialties[2]") show on their list.
  const errorFor = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(prefix + "["))?.[1];
  const languages = listFrom(form.languages);
  return (
    <Card>
      <h2 className="mb-1 text-xl font-semibold">Your public profile</h2>
      <p className="mb-3 text-sm text-slate-700">
        What customers see on the marketplace and on{" "}
        {user && (
          <Link className="text-indigo-700 underline" to={`/specialists/${user.id}`}>
            your page
          </Link>
        )}
        .
      </p>
      {query.isPending && <Spinner />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && (
        <form noValidate onSubmit={save}>
          <Field label="Headline" error={errors.headline} hint="One line, e.g. Career coach for engineers">
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.headline} maxLength={120} value={form.headline} onChange={set("headline")} />}
          </Field>
          <Field label="About you" error={errors.bio}>
            {(id, d) => (
              <textarea id={id} aria-describedby={d} aria-invalid={!!errors.bio} rows={4} maxLength={5000} value={form.bio} onChange={set("bio")}
                className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600" />
            )}
          </Field>
          <Field label="Specialties" error={errorFor("specialties")} hint="Comma-separated, e.g. career, interviews">
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errorFor("specialties")} value={form.specialties} onChange={set("specialties")} />}
          </Field>
          <Field
            label="Languages"
            error={errorFor("languages")}
            hint={languages.length ? `Codes, comma-separated: ${languages.map(languageName).join(", ")}` : "Codes, comma-separated, e.g. en, de"}
          >
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errorFor("languages")} value={form.languages} onChange={set("languages")} />}
          </Field>
          <Field label="Photo address (optional)" error={errors.photoUrl}>
            {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.photoUrl} type="url" value={form.photoUrl} onChange={set("photoUrl")} placeholder="https://…" />}
          </Field>
          {error !== null && Object.keys(errors).length === 0 && <ErrorBox error={error} />}
          <Button type="submit">Save profile</Button>
          {status && <span role="status" className="ml-3 text-sm text-green-700">{status}</span>}
        </form>
      )}
    </Card>
  );
}
