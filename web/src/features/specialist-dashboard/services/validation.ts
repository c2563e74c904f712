// Checks the service form runs before anything is sent; the server checks again.
import type { FieldErrors } from "../../../shared/api/errors";
import { parseMoney } from "../../../shared/money";

export type ServiceForm = {
  title: string;
  duration: string;
  price: string;
  currency: string;
  deadlineHours: string;
  refund: string;
  refundPercentage: string;
};

const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max;
};

// The service form, with the server's limits (src/http/service_routes.cpp).
// Keys match the server's field names so its 422 `errors` land on the same fields.
export function validateService(v: ServiceForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = "Please give the service a title.";
  else if ([...v.title.trim()].length > 120) errors.title = "Use at most 120 characters.";
  if (!wholeIn(v.duration, 5, 480)) errors.duration = "Length is 5 to 480 minutes.";
  if (parseMoney(v.price, v.currency) === null) errors.price = "Enter an amount such as 45 or 45.50.";
  if (!wholeIn(v.deadlineHours, 0, 720)) errors["cancellationPolicy.deadlineHours"] = "0 to 720 hours.";
  if (v.refund === "percentage" && !wholeIn(v.refundPercentage, 0, 100))
    errors["cancellationPolicy.refundPercentage"] = "A whole percentage from 0 to 100.";
  return errors;
}
