// Languages are ISO 639-1 codes in the API ("de"); people read names ("German").
export const LANGUAGES = ["ar", "bn", "de", "en", "es", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "sv", "sw", "th", "tr", "uk", "ur", "vi", "zh"];

let names: Intl.DisplayNames | null = null;
export function languageName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(["en"], { type: "language" });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
