import type { RefundRule, Service, ServiceInput } from "../../../shared/api/types";
import { parseMoney } from "../../../shared/money";
import type { ServiceForm } from "./validation";

// The service form as typed: text in every field.
export type ServiceDraft = ServiceForm & { description: string };

export { CURRENCIES } from "../../../shared/money";
export const REFUND_RULES: [RefundRule, string][] = [
  ["none", "None"],
  ["percentage", "A percentage"],
  ["full", "Full (always free to cancel)"],
];

export const emptyForm = (): ServiceDraft => ({
  title: "", description: "", duration: "60", price: "0", currency: "USD", deadlineHours: "24", refund: "none", refundPercentage: "50",
});

// A service as its form shows it: the price in whole units of its currency.
export function formOf(s: Service): ServiceDraft {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: s.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return {
    title: s.title, description: s.description, duration: String(s.duration), price: (s.price / 10 ** digits).toFixed(digits),
    currency: s.currency, deadlineHours: String(s.cancellationPolicy.deadlineHours), refund: s.cancellationPolicy.refund,
    refundPercentage: String(s.cancellationPolicy.refundPercentage ?? 50),
  };
}

const refundRule = (text: string): RefundRule => REFUND_RULES.find(([rule]) => rule === text)?.[0] ?? "none";

// The form, checked (validateService), as the API takes it.
export function inputOf(form: ServiceDraft): ServiceInput {
  const refund = refundRule(form.refund);
  return {
    title: form.title, description: form.description, duration: Number(form.duration), price: parseMoney(form.price, form.currency) ?? 0, currency: form.currency,
    cancellationPolicy: {
      deadlineHours: Number(form.deadlineHours), refund,
      ...(refund === "percentage" ? { refundPercentage: Number(form.refundPercentage) } : {}),
    },
  };
}
