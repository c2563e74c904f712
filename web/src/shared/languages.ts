// Languages are ISO 639-1 codes in the API ("de"); people read names ("German").

// The offered languages' English names, written out: Intl.DisplayNames gives
// the same names (a test checks), but making one took some 40 ms of the
// marketplace's first render, whose language filter lists them all.
const NAMES: Record<string, string> = {
  ar: "Arabic", bn: "Bangla", de: "German", en: "English", es: "Spanish", fr: "French", he: "Hebrew", hi: "Hindi",
  id: "Indonesian", it: "Italian", ja: "Japanese", ko: "Korean", nl: "Dutch", pl: "Polish", pt: "Portuguese", ru: "Russian",
  sv: "Swedish", sw: "Swahili", th: "Thai", tr: "Turkish", uk: "Ukrainian", ur: "Urdu", vi: "Vietnamese", zh: "Chinese",
};
export const LANGUAGES = Object.keys(NAMES);

// Any other code (a profile may name one) is asked of Intl, made when first needed.
let names: Intl.DisplayNames | null = null;
export function languageName(code: string): string {
  const known = NAMES[code];
  if (known) return known;
  try {
    names ??= new Intl.DisplayNames(["en"], { type: "language" });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

// Orders codes by their names. Compared as plain strings, not with
// localeCompare: the names are English and capitalised alike (a test checks
// the order is the same), and a page's first localeCompare builds an ICU
// collator, some 80 ms of the marketplace's first render on a busy machine.
export function byName(a: string, b: string): number {
  const x = languageName(a);
  const y = languageName(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
