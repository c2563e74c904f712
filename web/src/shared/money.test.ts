import { describe, expect, it, vi } from "vitest";
import { formatMoney, parseMoney } from "./money";

describe("money", () => {
  it("reads and shows minor units by the currency's decimals", () => {
    expect(parseMoney("45", "USD")).toBe(4500);
    expect(parseMoney("45.5", "USD")).toBe(4550);
    expect(parseMoney("45.555", "USD")).toBeNull();
    expect(parseMoney("4500", "JPY")).toBe(4500);
    expect(parseMoney("45.5", "JPY")).toBeNull();
    expect(parseMoney("-1", "EUR")).toBeNull();
    expect(formatMoney(4550, "USD")).toBe("$45.50");
    expect(formatMoney(4500, "JPY")).toBe("¥4,500");
    expect(formatMoney(0, "EUR")).toBe("Free");
  });

  it("makes each currency's formatter once: a page of cards formats an amount per card", () => {
    const made = vi.spyOn(Intl, "NumberFormat");
    try {
      for (let card = 0; card < 20; card++) expect(formatMoney(3350, "GBP")).toBe("£33.50");
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      made.mockRestore();
    }
  });
});
