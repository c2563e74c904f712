import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useApi } from "../../../shared/api/context";
import { type FieldErrors } from "../../../shared/api/errors";
import { keys } from "../../../shared/api/keys";
import { useAuth } from "../../../shared/auth/auth";
import { languageName } from "../../../shared/languages";
import { Button, Card, ErrorBox, Field, Spinner, TextInput } from "../../../shared/ui/ui";
import { listFrom } from "./lists";
import { useSaveProfile, type ProfileDraft } from "./useSaveProfile";

// What customers read on the marketplace and the profile page.
export function PublicProfileForm() {
  const { user } = useAuth();
  const api = useApi();
  const query = useQuery({ queryKey: keys.myProfile, queryFn: () => api.get("/api/specialists/me") });
  const [form, setForm] = useState<ProfileDraft>({ headline: "", bio: "", specialties: "", languages: "", photoUrl: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useSaveProfile(setErrors);
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
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
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
        <form noValidate onSubmit={submit}>
          <ProfileFields form={form} errors={errors} onChange={setForm} />
          {save.error !== null && Object.keys(errors).length === 0 && <ErrorBox error={save.error} />}
          <Button type="submit">Save profile</Button>
          {save.isSuccess && <span role="status" className="ml-3 text-sm text-green-700">Saved.</span>}
        </form>
      )}
    </Card>
  );
}

function ProfileFields({ form, errors, onChange }: { form: ProfileDraft; errors: FieldErrors; onChange: (form: ProfileDraft) => void }) {
  const set = (key: keyof ProfileDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...form, [key]: e.target.value });
  // Errors on list items ("specialties[2]") show on their list.
  const errorFor = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(prefix + "["))?.[1];
  const languages = listFrom(form.languages);
  return (
    <>
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
    </>
  );
}
