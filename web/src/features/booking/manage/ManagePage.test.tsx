import { afterEach, describe, expect, it, vi } from "vitest";
import { booking } from "../../../test/fixtures";
import { button, click, fakeApi, render, waitFor, type Rendered } from "../../../test/render";
import Manage from "./ManagePage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const open = async () => {
  view = await render(<Manage />, "/manage/tok.en", "/manage/:token");
  return waitFor(() => {
    expect(view!.container.querySelector("[data-testid=booking-status]")).not.toBeNull();
    return view!.container;
  });
};

describe("the manage link's page", () => {
  it("shows the customer's link the picked zone and their account's, and the exact refund before cancelling", async () => {
    const { calls } = fakeApi({
      "GET /api/manage/tok.en": { ...booking({ payment: { status: "refunded", refundAmount: 2500 } }), viewer: "customer" },
      "GET /api/manage/tok.en/cancellation": { bookingId: "b1", paid: 5000, refund: { amount: 5000, currency: "USD", withinDeadline: true, reason: "Cancelled at least 24 hours before the start: a full refund." } },
    });
    const page = await open();
    expect(page.textContent).toContain("Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)");
    expect(page.textContent).toContain("your time (Europe/London)");
    expect(page.textContent).toContain("Paid $50.00 · Refunded $25.00");
    expect(page.querySelector("[data-testid=receipt-number]")!.textContent).toBe("CONF-9C1B-7E4D-5A60-1F2E");
    await click(button(page, "Cancel booking"));
    await waitFor(() => expect(page.textContent).toContain("You will get $50.00 back in full."));
    expect(calls.some((c) => c.path === "/api/manage/tok.en/cancel")).toBe(false);
  });

  it("shows the specialist's link their own zone, and what the customer would get back", async () => {
    fakeApi({
      "GET /api/manage/tok.en": { ...booking(), viewer: "specialist" },
      "GET /api/manage/tok.en/cancellation": { bookingId: "b1", paid: 5000, refund: { amount: 5000, currency: "USD", withinDeadline: false, reason: "Cancelled by the specialist or the platform: everything paid is refunded." } },
    });
    const page = await open();
    expect(page.textContent).toContain("Mon, 1 Jun 2026, 12:00–13:00 (America/New_York)");
    expect(page.textContent).not.toContain("Asia/Tokyo");
    await click(button(page, "Cancel booking"));
    await waitFor(() => expect(page.textContent).toContain("The customer will get $50.00 back in full."));
  });
});
