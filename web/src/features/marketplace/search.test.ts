import { describe, expect, it } from "vitest";
import { draftFrom, searchFrom } from "./search";

describe("marketplace filters", () => {
  it("sends prices in minor units and drops empty fields", () => {
    const { params, errors } = searchFrom({ q: " coach ", min: "20", max: "99.5", language: "", availableOn: "2027-06-02" });
    expect(errors).toEqual({});
    expect(params.toString()).toBe("q=coach&availableOn=2027-06-02&minPrice=2000&maxPrice=9950&currency=USD");
  });
  it("sends a price range in the currency picked, and no currency without a range", () => {
    expect(searchFrom({ min: "1500", currency: "JPY" }).params.toString()).toBe("minPrice=1500&currency=JPY");
    expect(searchFrom({ max: "40", currency: "EUR" }).params.toString()).toBe("maxPrice=4000&currency=EUR");
    expect(searchFrom({ q: "law", currency: "EUR" }).params.toString()).toBe("q=law");
  });
  it("flags a bad amount and an upside-down range on the field", () => {
    expect(searchFrom({ min: "abc" }).errors).toEqual({ min: "Enter an amount such as 50 or 49.99." });
    expect(searchFrom({ min: "50", max: "10" }).errors).toEqual({ max: "Max price is below the min price." });
  });
  it("sends soonest-first and leaves the default order out", () => {
    expect(searchFrom({ q: "law", sort: "soonest" }).params.toString()).toBe("q=law&sort=soonest");
    expect(searchFrom({ q: "law", sort: "name" }).params.toString()).toBe("q=law");
    expect(draftFrom(new URLSearchParams("sort=soonest"))).toEqual({ sort: "soonest" });
  });
  it("reads the URL back into the form", () => {
    expect(draftFrom(new URLSearchParams("q=coach&minPrice=2000&maxPrice=9950&page=2"))).toEqual({ q: "coach", min: "20", max: "99.5" });
    expect(draftFrom(new URLSearchParams("minPrice=1500&currency=JPY"))).toEqual({ min: "1500", currency: "JPY" });
  });
});
