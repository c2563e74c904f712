import type { FieldErrors } from "../../../shared/api/errors";
import { Field, Select, TextInput } from "../../../shared/ui/ui";
import { CURRENCIES, REFUND_RULES, type ServiceDraft } from "./form";

// The service form's fields; errors sit under the field the server (or the
// check before sending) names.
export function ServiceFormFields({ form, errors, onChange }: { form: ServiceDraft; errors: FieldErrors; onChange: (form: ServiceDraft) => void }) {
  const set = (key: keyof ServiceDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...form, [key]: e.target.value });
  const number = (key: keyof ServiceDraft, label: string, field: string, min: number, max: number) => (
    <Field label={label} error={errors[field]}>
      {(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors[field]} type="number" min={min} max={max} value={form[key]} onChange={set(key)} />}
    </Field>
  );
  return (
    <>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <Field label="Title" error={errors.title}>{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.title} value={form.title} onChange={set("title")} />}</Field>
        {number("duration", "Length (min)", "duration", 5, 480)}
        <Field label="Price" error={errors.price} hint="In whole units, e.g. 45 or 45.50; 0 for free">{(id, d) => <TextInput id={id} aria-describedby={d} aria-invalid={!!errors.price} inputMode="decimal" value={form.price} onChange={set("price")} />}</Field>
        <Field label="Currency" error={errors.currency}>
          {(id) => <Select id={id} value={form.currency} onChange={set("currency")}>{CURRENCIES.map((c) => <option key={c}>{c}</option>)}</Select>}
        </Field>
        {number("deadlineHours", "Full refund until (hours before)", "cancellationPolicy.deadlineHours", 0, 720)}
        <Field label="Refund for later cancellations" error={errors["cancellationPolicy.refund"]}>
          {(id) => (
            <Select id={id} value={form.refund} onChange={set("refund")}>
              {REFUND_RULES.map(([rule, label]) => <option key={rule} value={rule}>{label}</option>)}
            </Select>
          )}
        </Field>
        {form.refund === "percentage" && number("refundPercentage", "Late refund (%)", "cancellationPolicy.refundPercentage", 0, 100)}
      </div>
      <Field label="Description" error={errors.description}>{(id) => <TextInput id={id} value={form.description} onChange={set("description")} />}</Field>
    </>
  );
}
