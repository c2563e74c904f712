import { describe, expect, it } from "vitest";
import { byName, languageName, LANGUAGES } from "./languages";

describe("language names", () => {
  it("names each offered language as Intl.DisplayNames does", () => {
    const intl = new Intl.DisplayNames(["en"], { type: "language" });
    expect(LANGUAGES.map(languageName)).toEqual(LANGUAGES.map((code) => intl.of(code)));
    expect(LANGUAGES).toContain("ja");
  });

  it("asks Intl for any other code, and shows an unknown one as it is", () => {
    expect(languageName("fi")).toBe("Finnish");
    expect(languageName("not a code")).toBe("not a code");
  });

  it("orders the offered languages by name as localeCompare does", () => {
    const byLocale = [...LANGUAGES].sort((a, b) => languageName(a).localeCompare(languageName(b)));
    expect([...LANGUAGES].sort(byName)).toEqual(byLocale);
    expect([...LANGUAGES].sort(byName).slice(0, 3).map(languageName)).toEqual(["Arabic", "Bangla", "Chinese"]);
  });
});
