import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "./money";
import { listFrom, validateIntervals, validateService, validateSignup } from "./validation";

describe("sign-up form", () => {
  it("asks for a name, a real email and 12 to 128 characters of password", () => {
    expect(validateSignup({ name: "", email: "nope", password: "short" })).toEqual({
      name: "Please enter your name.",
      email: "Please enter a valid email address.",
      password: "Use at least 12 characters.",
    });
    expect(validateSignup({ name: "Ada", email: "ada@example.com", password: "correct horse battery" })).toEqual({});
    // Characters, not bytes: 12 emoji are enough.
    expect(validateSignup({ name: "A", email: "a@b.co", password: "🙂".repeat(12) })).toEqual({});
    expect(validateSignup({ name: "A", email: "a@b.co", password: "x".repeat(129) }).password).toBe("Use at most 128 characters.");
  });
});

describe("working hours", () => {
  it("wants intervals that end after they start and do not overlap", () => {
    expect(validateIntervals([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }])).toBeNull();
    expect(validateIntervals([{ start: "12:00", end: "09:00" }])).toBe("Each interval must end after it starts.");
    expect(validateIntervals([{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }])).toBe("Intervals must not overlap.");
    expect(validateIntervals([{ start: "9", end: "17:00" }])).toBe("Times must look like 09:00.");
    expect(validateIntervals([{ start: "18:00", end: "24:00" }])).toBeNull();
  });
});

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
});

describe("service form", () => {
  const ok = { title: "Career coaching", duration: "60", price: "45", currency: "USD", deadlineHours: "24", refund: "none", refundPercentage: "50" };
  it("accepts a complete service", () => {
    expect(validateService(ok)).toEqual({});
    expect(validateService({ ...ok, price: "0", currency: "JPY" })).toEqual({});
  });
  it("names each bad field by the server's field name", () => {
    expect(validateService({ ...ok, title: " ", duration: "4", price: "45.505", deadlineHours: "721" })).toEqual({
      title: "Please give the service a title.",
      duration: "Length is 5 to 480 minutes.",
      price: "Enter an amount such as 45 or 45.50.",
      "cancellationPolicy.deadlineHours": "0 to 720 hours.",
    });
    expect(validateService({ ...ok, price: "45.5", currency: "JPY" }).price).toBeDefined();
    expect(validateService({ ...ok, refund: "percentage", refundPercentage: "101" })).toEqual({
      "cancellationPolicy.refundPercentage": "A whole percentage from 0 to 100.",
    });
  });
});

describe("comma-separated lists", () => {
  it("trims, drops blanks and repeats", () => {
    expect(listFrom(" career, interviews ,, Career ")).toEqual(["career", "interviews"]);
    expect(listFrom("")).toEqual([]);
  });
});
