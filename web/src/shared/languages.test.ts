import { describe, expect, it } from "vitest";
import { languageName, LANGUAGES } from "./languages";

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
});
