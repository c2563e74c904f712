import { describe, expect, it } from "vitest";
import { booking } from "../../test/fixtures";
import { bookingTimes, paymentSummary, quoteText, refundDecidedText, type Booking } from "./booking";

const paid = { amount: 5000, currency: "USD", refundAmount: 0 };

describe("a booking's money in words", () => {
  it("says what was paid and what came back, for every payment status", () => {
    expect(paymentSummary({ ...paid, status: "refunded", refundAmount: 2500 })).toBe("Paid $50.00 · Refunded $25.00");
    expect(paymentSummary({ ...paid, status: "refunded", refundAmount: 5000 })).toBe("Paid $50.00 · Refunded $50.00");
    expect(paymentSummary({ ...paid, status: "refund-pending", refundAmount: 2500 })).toBe("Paid $50.00 · Refund of $25.00 pending");
    expect(paymentSummary({ ...paid, status: "completed" })).toBe("Paid $50.00");
    expect(paymentSummary({ ...paid, status: "completed" }, "cancelled")).toBe("Paid $50.00 · No refund");
    expect(paymentSummary({ ...paid, status: "completed", refundRequestedAt: "2026-06-02T00:00:00Z" })).toBe("Paid $50.00 · Refund requested");
    expect(paymentSummary({ ...paid, status: "pending" })).toBe("$50.00 to pay");
    expect(paymentSummary({ ...paid, status: "failed" })).toBe("Not paid ($50.00)");
    expect(paymentSummary({ ...paid, amount: 0, status: "not-required" })).toBe("Free");
    expect(paymentSummary({ amount: 5000, currency: "JPY", status: "refunded", refundAmount: 2500 })).toBe("Paid ¥5,000 · Refunded ¥2,500");
  });

  it("never labels the full amount as refunded when only part was", () => {
    for (const status of ["refunded", "refund-pending"] as const)
      expect(paymentSummary({ ...paid, status, refundAmount: 1000 })).not.toMatch(/\$50\.00 \(refund|Refunded \$50\.00|of \$50\.00 pending/);
  });

  it("quotes the exact refund before a cancellation, for the customer and for the specialist", () => {
    const quote = (amount: number, paidAmount = 5000) => ({ bookingId: "b1", paid: paidAmount, refund: { amount, currency: "USD", withinDeadline: false, reason: "" } });
    expect(quoteText(quote(2500), "customer")).toBe("You will get $25.00 back (of $50.00 paid).");
    expect(quoteText(quote(5000), "customer")).toBe("You will get $50.00 back in full.");
    expect(quoteText(quote(0), "customer")).toBe("No refund under this booking's policy.");
    expect(quoteText(quote(0, 0), "customer")).toBe("Nothing has been paid, so nothing is refunded: cancelling frees the time.");
    expect(quoteText(quote(5000), "specialist")).toBe("The customer will get $50.00 back in full.");
  });

  it("states the refund decided once cancelled", () => {
    const cancelled = (status: string, refundAmount: number, refund?: number) =>
      ({ ...booking({ status: "cancelled", payment: { status, refundAmount } }), refund: refund === undefined ? undefined : { amount: refund, currency: "USD", withinDeadline: false, reason: "" } }) as unknown as Booking;
    expect(refundDecidedText(cancelled("refund-pending", 2500, 2500), "customer")).toBe("Cancelled. $25.00 will be refunded to you.");
    expect(refundDecidedText(cancelled("refunded", 2500, 2500), "customer")).toBe("Cancelled. $25.00 was refunded to you.");
    expect(refundDecidedText(cancelled("refunded", 5000, 5000), "specialist")).toBe("Cancelled. $50.00 was refunded to the customer.");
    expect(refundDecidedText(cancelled("completed", 0, 0), "customer")).toBe("Cancelled. No refund under this booking's policy.");
    expect(refundDecidedText(cancelled("failed", 0, 0), "customer")).toBe("Cancelled.");
  });
});

describe("a booking's time for each viewer", () => {
  const b = booking() as unknown as Booking;
  it("shows the customer the zone they picked, and their account's clock when it differs", () => {
    expect(bookingTimes(b, "customer")).toEqual({
      zone: "Asia/Tokyo",
      main: "Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)",
      yours: "Mon, 1 Jun 2026, 17:00–18:00 your time (Europe/London)",
    });
    expect(bookingTimes({ ...b, customerTimezone: "Europe/London" }, "customer").yours).toBeNull();
    expect(bookingTimes({ ...b, customerTimezone: undefined }, "customer").zone).toBe("Europe/London");
  });

  it("shows the specialist their own zone alone", () => {
    expect(bookingTimes(b, "specialist")).toEqual({ zone: "America/New_York", main: "Mon, 1 Jun 2026, 12:00–13:00 (America/New_York)", yours: null });
  });
});
