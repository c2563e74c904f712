import { afterEach, describe, expect, it, vi } from "vitest";
import { booking, customer } from "../../../test/fixtures";
import { fakeApi, render, waitFor, type Rendered } from "../../../test/render";
import ReceiptPage from "./ReceiptPage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const receipt = {
  receiptNumber: "CONF-9C1B-7E4D-5A60-1F2E",
  bookingId: "b1",
  issuedAt: "2026-05-20T10:00:00Z",
  customer: { name: "Ravi", email: "ravi@example.com" },
  specialist: { name: "Maya" },
  service: { title: "Career coaching", duration: 60 },
  start: "2026-06-01T16:00:00Z",
  end: "2026-06-01T17:00:00Z",
  status: "cancelled",
  amount: 5000,
  currency: "USD",
  paymentStatus: "refunded",
  refundAmount: 2500,
};

const rows = (container: HTMLElement) =>
  Object.fromEntries([...container.querySelectorAll("tr")].map((tr) => [tr.querySelector("th")!.textContent, tr.querySelector("td")!.textContent]));

describe("the web receipt", () => {
  it("shows the API's receipt number, what was paid and what was refunded, in the booking's zone", async () => {
    fakeApi({ "GET /api/bookings/b1/receipt": receipt, "GET /api/bookings/b1": booking({ status: "cancelled" }) }, customer);
    view = await render(<ReceiptPage />, "/bookings/b1/receipt", "/bookings/:bookingId/receipt");
    const table = await waitFor(() => {
      const r = rows(view!.container);
      expect(r["Session"]).toContain("Asia/Tokyo");
      return r;
    });
    expect(table["Receipt number"]).toBe("CONF-9C1B-7E4D-5A60-1F2E");
    expect(table["Paid"]).toBe("$50.00");
    expect(table["Refunded"]).toBe("$25.00");
    expect(table["Payment"]).toBe("Paid $50.00 · Refunded $25.00");
    expect(view.container.textContent).not.toContain("(refunded)");
  });

  it("shows a refund still on its way as pending", async () => {
    fakeApi({ "GET /api/bookings/b1/receipt": { ...receipt, paymentStatus: "refund-pending" }, "GET /api/bookings/b1": booking() }, customer);
    view = await render(<ReceiptPage />, "/bookings/b1/receipt", "/bookings/:bookingId/receipt");
    const table = await waitFor(() => {
      const r = rows(view!.container);
      expect(r["Receipt number"]).toBeDefined();
      return r;
    });
    expect(table["Refund pending"]).toBe("$25.00");
    expect(table["Refunded"]).toBeUndefined();
  });
});
