// The marketplace's filters: what the form shows (whole amounts) and what the
// URL and the API take (minor units: minPrice, maxPrice, in `currency`, which
// a price range needs: amounts in different currencies do not compare).
import type { FieldErrors } from "../../shared/api/errors";
import { minorDigits, parseMoney } from "../../shared/money";

export type SearchDraft = Record<string, string>;
const TEXT_KEYS = ["q", "specialty", "language", "availableOn", "sort"];

// Prices are typed as whole amounts in the currency's decimals.
const toWhole = (minor: string | null, currency: string) =>
  minor && /^\d+$/.test(minor) ? String(Number(minor) / 10 ** minorDigits(currency)) : "";

export function draftFrom(params: URLSearchParams): SearchDraft {
  const draft: SearchDraft = {};
  for (const key of TEXT_KEYS) if (params.get(key)) draft[key] = params.get(key)!;
  const currency = params.get("currency") ?? "USD";
  if (params.get("minPrice")) draft.min = toWhole(params.get("minPrice"), currency);
  if (params.get("maxPrice")) draft.max = toWhole(params.get("maxPrice"), currency);
  if (params.get("currency")) draft.currency = currency;
  return draft;
}

export function searchFrom(draft: SearchDraft): { params: URLSearchParams; errors: FieldErrors } {
  const params = new URLSearchParams();
  const errors: FieldErrors = {};
  for (const key of TEXT_KEYS) if (draft[key]?.trim()) params.set(key, draft[key].trim());
  if (params.get("sort") === "name") params.delete("sort"); // the default
  const currency = draft.currency || "USD";
  for (const [field, key] of [["min", "minPrice"], ["max", "maxPrice"]] as const) {
    if (!draft[field]?.trim()) continue;
    const minor = parseMoney(draft[field], currency);
    if (minor === null) errors[field] = "Enter an amount such as 50 or 49.99.";
    else params.set(key, String(minor));
  }
  if (params.has("minPrice") || params.has("maxPrice")) params.set("currency", currency);
  const min = Number(params.get("minPrice") ?? 0);
  if (params.has("maxPrice") && Number(params.get("maxPrice")) < min) errors.max = "Max price is below the min price.";
  return { params, errors };
}
