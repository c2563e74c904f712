import { afterEach, describe, expect, it, vi } from "vitest";
import { customer } from "../../../test/fixtures";
import { button, click, fakeApi, jsonResponse, problem, render, waitFor, type Rendered } from "../../../test/render";
import Checkout from "./CheckoutPage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

// 16:00 UTC on Mon 1 Jun 2026: 01:00 on Tue 2 Jun in Tokyo, 17:00 in London.
const slot = { id: "slot1", start: "2026-06-01T16:00:00Z", end: "2026-06-01T17:00:00Z", startLocal: "", duration: 60, price: 5000, currency: "USD", serviceId: "sv", specialistId: "sp", status: "available" };
const profile = {
  id: "sp",
  name: "Maya",
  services: [{ id: "sv", title: "Career coaching", description: "", duration: 60, price: 5000, currency: "USD", published: true, cancellationPolicy: { deadlineHours: 24, refund: "none" } }],
};

const open = async (path: string) => {
  view = await render(<Checkout />, path, "/checkout/:slotId");
  return waitFor(() => {
    expect(view!.container.textContent).toContain("Review your booking");
    expect(view!.container.textContent).toContain("Career coaching");
    return view!.container;
  });
};

describe("checkout", () => {
  it("shows the slot in the zone picked on the calendar (kept in the address), with the account's time too, and books in that zone", async () => {
    const { calls } = fakeApi(
      {
        "GET /api/slots/slot1": slot,
        "GET /api/specialists/sp": profile,
        "POST /api/bookings": () => jsonResponse(201, { id: "b1", status: "confirmed", payment: { amount: 0, currency: "USD" } }),
      },
      customer,
    );
    const page = await open("/checkout/slot1?tz=Asia%2FTokyo");
    expect(page.textContent).toContain("Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)");
    expect(page.textContent).toContain("Mon, 1 Jun 2026, 17:00–18:00 your time (Europe/London)");
    await click(button(page, "Book and pay"));
    await waitFor(() => expect(page.querySelector("[data-testid=landed]")?.textContent).toBe("/bookings/b1"));
    expect(calls.find((c) => c.path === "/api/bookings")!.body).toEqual({ slotId: "slot1", customerNotes: "", timezone: "Asia/Tokyo" });
  });

  it("uses the account's zone when no zone was picked, once", async () => {
    fakeApi({ "GET /api/slots/slot1": slot, "GET /api/specialists/sp": profile }, customer);
    const page = await open("/checkout/slot1");
    expect(page.textContent).toContain("Mon, 1 Jun 2026, 17:00–18:00 (Europe/London)");
    expect(page.textContent).not.toContain("your time");
  });

  it("shows the server's reason when too many bookings wait for payment, with a way to them", async () => {
    fakeApi(
      {
        "GET /api/slots/slot1": slot,
        "GET /api/specialists/sp": profile,
        "POST /api/bookings": () => problem(429, "You already have 3 bookings waiting for payment: pay for or cancel one of them first."),
      },
      customer,
    );
    const page = await open("/checkout/slot1?tz=Asia%2FTokyo");
    await click(button(page, "Book and pay"));
    await waitFor(() =>
      expect(page.querySelector("[role=alert]")!.textContent).toBe("You already have 3 bookings waiting for payment: pay for or cancel one of them first."),
    );
    const link = [...page.querySelectorAll("a")].find((a) => a.textContent === "Your bookings waiting for payment");
    expect(link?.getAttribute("href")).toBe("/dashboard");
  });
});
