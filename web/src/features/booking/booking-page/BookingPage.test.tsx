import { afterEach, describe, expect, it, vi } from "vitest";
import { booking, customer, specialist } from "../../../test/fixtures";
import { button, click, fakeApi, jsonResponse, problem, render, waitFor, type Rendered } from "../../../test/render";
import BookingPage from "./BookingPage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const open = async () => {
  view = await render(<BookingPage />, "/bookings/b1", "/bookings/:bookingId");
  return waitFor(() => {
    expect(view!.container.querySelector("[data-testid=booking-status]")).not.toBeNull();
    return view!.container;
  });
};

const quote = { bookingId: "b1", paid: 5000, refund: { amount: 2500, currency: "USD", withinDeadline: false, reason: "Cancelled less than 24 hours before the start: 50% is refunded." } };

describe("the booking page", () => {
  it("shows a partial refund as what was paid and what came back, never the full amount as refunded", async () => {
    fakeApi({ "GET /api/bookings/b1": booking({ status: "cancelled", payment: { status: "refunded", refundAmount: 2500 } }) }, customer);
    const page = await open();
    expect(page.textContent).toContain("Paid $50.00 · Refunded $25.00");
    expect(page.textContent).not.toContain("(refunded)");
  });

  it("says a refund that has not arrived yet is pending, with its amount", async () => {
    fakeApi({ "GET /api/bookings/b1": booking({ status: "cancelled", payment: { status: "refund-pending", refundAmount: 2500 } }) }, customer);
    const page = await open();
    expect(page.textContent).toContain("Paid $50.00 · Refund of $25.00 pending");
  });

  it("shows the receipt number the API gives (the one on the emailed receipt)", async () => {
    fakeApi({ "GET /api/bookings/b1": booking() }, customer);
    const page = await open();
    expect(page.querySelector("[data-testid=receipt-number]")!.textContent).toBe("CONF-9C1B-7E4D-5A60-1F2E");
  });

  it("shows the time in the zone the customer picked, and on the account's clock when that differs", async () => {
    fakeApi({ "GET /api/bookings/b1": booking() }, customer);
    const page = await open();
    expect(page.textContent).toContain("Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)");
    expect(page.textContent).toContain("Mon, 1 Jun 2026, 17:00–18:00 your time (Europe/London)");
  });

  it("shows the specialist their own zone only", async () => {
    fakeApi({ "GET /api/bookings/b1": booking() }, specialist);
    const page = await open();
    expect(page.textContent).toContain("Mon, 1 Jun 2026, 12:00–13:00 (America/New_York)");
    expect(page.textContent).not.toContain("Asia/Tokyo");
    expect(page.textContent).not.toContain("your time");
  });

  it("states the exact refund in the cancel panel before confirming, then the refund decided", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { calls } = fakeApi(
      {
        "GET /api/bookings/b1": booking(),
        "GET /api/bookings/b1/cancellation": async () => (await held, jsonResponse(200, quote)),
        "DELETE /api/bookings/b1": { ...booking({ status: "cancelled", payment: { status: "refunded", refundAmount: 2500 } }), refund: quote.refund },
      },
      customer,
    );
    const page = await open();
    await click(button(page, "Cancel booking"));
    await waitFor(() => expect(page.textContent).toContain("Working out your refund…"));
    expect(button(page, "Confirm cancellation").disabled).toBe(true);
    release();
    await waitFor(() => expect(page.textContent).toContain("You will get $25.00 back (of $50.00 paid)."));
    expect(page.textContent).toContain("Cancelled less than 24 hours before the start: 50% is refunded.");
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    await click(button(page, "Confirm cancellation"));
    await waitFor(() => expect(page.textContent).toContain("Cancelled. $25.00 was refunded to you."));
    expect(calls.find((c) => c.method === "DELETE")!.path).toBe("/api/bookings/b1");
  });

  it("says so when the policy gives nothing back", async () => {
    fakeApi(
      {
        "GET /api/bookings/b1": booking(),
        "GET /api/bookings/b1/cancellation": { ...quote, refund: { ...quote.refund, amount: 0, reason: "Cancelled less than 24 hours before the start: this service gives no refund." } },
      },
      customer,
    );
    const page = await open();
    await click(button(page, "Cancel booking"));
    await waitFor(() => expect(page.textContent).toContain("No refund under this booking's policy."));
  });

  it("shows why the refund cannot be worked out, and still lets the customer cancel", async () => {
    fakeApi(
      { "GET /api/bookings/b1": booking(), "GET /api/bookings/b1/cancellation": () => problem(409, "This booking can no longer be cancelled.") },
      customer,
    );
    const page = await open();
    await click(button(page, "Cancel booking"));
    await waitFor(() => expect(page.querySelector("[role=alert]")!.textContent).toContain("This booking can no longer be cancelled."));
  });
});
