// The currencies a service may be priced in.
export const CURRENCIES = ["USD", "EUR", "GBP", "INR", "JPY", "AUD", "CAD"];

// One formatter per currency, made once: making one costs far more than
// using it, and a page of cards or a table formats an amount per row.
const formats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency });
    formats.set(currency, format);
  }
  return format;
}

// Amounts are integer minor units; the currency decides the decimals (JPY has none).
export function formatMoney(minor: number, currency: string): string {
  if (minor === 0) return "Free";
  const format = currencyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

// "12.50" in a form → 1250 minor units; null when it is not an amount.
// How many decimals the currency's minor unit has (2; 0 for JPY).
export function minorDigits(currency: string): number {
  return currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const trimmed = text.trim();
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(trimmed)) return null;
  const [whole, fraction = ""] = trimmed.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}
