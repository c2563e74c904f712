import { describe, expect, it } from "vitest";
import { monthSeries } from "./EarningsChart";

describe("earnings chart series", () => {
  const rows = [
    { month: "2026-11", currency: "USD", gross: 4500, platformFee: 900, net: 3600 },
    { month: "2026-09", currency: "USD", gross: 1000, platformFee: 200, net: 800 },
    { month: "2026-11", currency: "EUR", gross: 12000, platformFee: 2400, net: 9600 },
  ];
  it("lists the last six months oldest first, zeros where nothing was earned, one currency only", () => {
    const usd = monthSeries(rows, "USD", "2026-11");
    expect(usd.map((m) => m.month)).toEqual(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(usd.map((m) => m.net)).toEqual([0, 0, 0, 800, 0, 3600]);
    expect(monthSeries(rows, "EUR", "2026-11").map((m) => m.gross)).toEqual([0, 0, 0, 0, 0, 12000]);
  });
  it("crosses the year boundary", () => {
    expect(monthSeries([], "USD", "2027-02", 4).map((m) => m.month)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });
});
