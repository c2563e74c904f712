import { byName, languageName, LANGUAGES } from "../../shared/languages";
import { CURRENCIES } from "../../shared/money";
import { Button, Field, Select, TextInput } from "../../shared/ui/ui";
import type { SearchDraft } from "./search";

type Errors = Record<string, string | undefined>;

// The marketplace's filters as typed (whole amounts), each with its error.
export function SearchForm({
  draft,
  errors,
  onChange,
  onSubmit,
}: {
  draft: SearchDraft;
  errors: Errors;
  onChange: (draft: SearchDraft) => void;
  onSubmit: (event: React.FormEvent) => void;
}) {
  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...draft, [key]: e.target.value });
  const text = (key: string, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <Field label={label} error={errors[key]} hint={hint}>
      {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors[key]} value={draft[key] ?? ""} onChange={set(key)} {...extra} />}
    </Field>
  );
  const languages = [...new Set([...LANGUAGES, ...(draft.language ? [draft.language] : [])])].sort(byName);
  return (
    <form onSubmit={onSubmit} role="search" className="mb-6 grid grid-cols-1 gap-x-4 md:grid-cols-3 lg:grid-cols-8">
      {text("q", "Search", { placeholder: "Name or topic" })}
      {text("specialty", "Specialty", { placeholder: "e.g. career" })}
      <Field label="Language" error={errors.language}>
        {(id, d) => (
          <Select id={id} aria-describedby={d} aria-invalid={!!errors.language} value={draft.language ?? ""} onChange={set("language")}>
            <option value="">Any</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Currency" error={errors.currency} hint="Prices are compared in it">
        {(id, d) => (
          <Select id={id} aria-describedby={d} value={draft.currency || "USD"} onChange={set("currency")}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        )}
      </Field>
      {text("min", "Min price", { inputMode: "decimal", placeholder: "0" })}
      {text("max", "Max price", { inputMode: "decimal" }, "Per session, e.g. 100")}
      {text("availableOn", "Available on", { type: "date" })}
      <Field label="Sort by" error={errors.sort}>
        {(id, d) => (
          <Select id={id} aria-describedby={d} value={draft.sort || "name"} onChange={set("sort")}>
            <option value="name">Name</option>
            <option value="soonest">Soonest available</option>
          </Select>
        )}
      </Field>
      <div className="md:col-span-3 lg:col-span-4">
        <Button type="submit">Search</Button>
      </div>
    </form>
  );
}
