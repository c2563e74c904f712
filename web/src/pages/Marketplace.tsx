import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Button, Card, Empty, ErrorBox, Field, Select, Spinner, TextInput } from "../components/ui";
import { api, ApiError } from "../lib/api";
import { languageName, LANGUAGES } from "../lib/languages";
import { formatMoney } from "../lib/money";
import { draftFrom, searchFrom } from "../lib/search";

type Specialist = {
  id: string;
  name: string;
  headline: string;
  specialties: string[];
  languages: string[];
  timezone: string;
  priceFrom?: { amount: number; currency: string };
  photoUrl?: string | null;
};
type Page = { items: Specialist[]; total: number; page: number; pageSize: number };

export default function Marketplace() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => draftFrom(params));
  const page = Number(params.get("page") ?? "1");
  const query = useQuery({
    queryKey: ["specialists", params.toString()],
    queryFn: () => api<Page>(`/api/specialists?${params}`),
  });
  const [priceError, setPriceError] = useState<Record<string, string>>({});
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const { params: next, errors } = searchFrom(draft);
    setPriceError(errors);
    if (Object.keys(errors).length === 0) setParams(next);
  };
  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft({ ...draft, [key]: e.target.value });
  // The server's 422 names the URL's fields; the form shows whole amounts.
  const server = query.error instanceof ApiError ? query.error.fields : {};
  const errors: Record<string, string | undefined> = {
    min: priceError.min ?? server.minPrice,
    max: priceError.max ?? server.maxPrice,
    q: server.q,
    specialty: server.specialty,
    language: server.language,
    availableOn: server.availableOn,
  };
  const tag = (specialty: string) => {
    const next = new URLSearchParams({ specialty });
    setDraft(draftFrom(next));
    setParams(next);
  };
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;

  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">Find a specialist</h1>
      <p className="mb-4 text-slate-600">Book a 1:1 session at a time that suits you, shown in your own time zone.</p>
      <form onSubmit={apply} role="search" className="mb-6 grid grid-cols-1 gap-x-4 md:grid-cols-3 lg:grid-cols-6">
        <Field label="Search" error={errors.q}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.q} value={draft.q ?? ""} onChange={set("q")} placeholder="Name or topic" />}
        </Field>
        <Field label="Specialty" error={errors.specialty}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.specialty} value={draft.specialty ?? ""} onChange={set("specialty")} placeholder="e.g. career" />}
        </Field>
        <Field label="Language" error={errors.language}>
          {(id, d) => (
            <Select id={id} aria-describedby={d} aria-invalid={!!errors.language} value={draft.language ?? ""} onChange={set("language")}>
              <option value="">Any</option>
              {[...new Set([...LANGUAGES, ...(draft.language ? [draft.language] : [])])].sort((a, b) => languageName(a).localeCompare(languageName(b))).map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Min price" error={errors.min}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.min} inputMode="decimal" value={draft.min ?? ""} onChange={set("min")} placeholder="0" />}
        </Field>
        <Field label="Max price" hint="Per session, e.g. 100" error={errors.max}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.max} inputMode="decimal" value={draft.max ?? ""} onChange={set("max")} />}
        </Field>
        <Field label="Available on" error={errors.availableOn}>
          {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.availableOn} type="date" value={draft.availableOn ?? ""} onChange={set("availableOn")} />}
        </Field>
        <div className="md:col-span-3 lg:col-span-6">
          <Button type="submit">Search</Button>
        </div>
      </form>
      {query.isPending && <Spinner label="Finding specialists…" />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>No specialist matches these filters.</Empty>}
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        {query.data?.items.map((s) => (
          <li key={s.id}>
            <Card className="h-full">
              {s.photoUrl && <img src={s.photoUrl} alt="" className="float-right ml-3 h-14 w-14 rounded-full object-cover" />}
              <h2 className="text-lg font-semibold">
                <Link to={`/specialists/${s.id}`} className="text-indigo-700 hover:underline">
                  {s.name}
                </Link>
              </h2>
              <p className="text-slate-700">{s.headline}</p>
              {s.specialties.length > 0 && (
                <ul aria-label="Specialties" className="mt-2 flex flex-wrap gap-1">
                  {s.specialties.map((sp) => (
                    <li key={sp}>
                      <button type="button" onClick={() => tag(sp)} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-indigo-100">
                        {sp}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {s.languages.length > 0 && <p className="mt-2 text-sm text-slate-600">Speaks {s.languages.map(languageName).join(", ")}</p>}
              <p className="mt-2 text-sm">
                {s.priceFrom ? `From ${formatMoney(s.priceFrom.amount, s.priceFrom.currency)}` : "No services yet"}
                {" · "}
                {s.timezone}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      {query.isSuccess && pages > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-3">
          <Button variant="secondary" disabled={page <= 1} onClick={() => { params.set("page", String(page - 1)); setParams(params); }}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => { params.set("page", String(page + 1)); setParams(params); }}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
