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
