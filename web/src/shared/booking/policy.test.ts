import { describe, expect, it } from "vitest";
import { policyText } from "./policy";

describe("cancellation policy in words", () => {
  it("says the deadline refunds everything and what a late cancellation gets", () => {
    expect(policyText({ deadlineHours: 24, refund: "none" })).toBe(
      "Full refund if you cancel at least 24 h before the start; no refund after that.",
    );
    expect(policyText({ deadlineHours: 48, refund: "percentage", refundPercentage: 50 })).toBe(
      "Full refund if you cancel at least 48 h before the start; 50% back after that.",
    );
  });

  it("a full late refund means cancelling is always free", () => {
    expect(policyText({ deadlineHours: 24, refund: "full", refundPercentage: 100 })).toBe(
      "Free cancellation at any time: a full refund.",
    );
  });

  it("no deadline: the late rule is the only rule", () => {
    expect(policyText({ deadlineHours: 0, refund: "none" })).toBe("No refund on cancellation.");
    expect(policyText({ deadlineHours: 0, refund: "percentage", refundPercentage: 30 })).toBe("Cancel at any time for 30% back.");
  });
});
