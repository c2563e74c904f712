import { describe, expect, it } from "vitest";
import { validateService } from "./validation";

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
