import { afterEach, describe, expect, it, vi } from "vitest";
import { booking, customer } from "../../test/fixtures";
import { fakeApi, render, waitFor, type Rendered } from "../../test/render";
import CustomerDashboard from "./CustomerDashboard";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const page = (items: unknown[]) => ({ items, total: items.length });
const notifications = { items: [], total: 0, unread: 0 };

describe("dashboards", () => {
  it("lists a customer's partly refunded booking with what was paid and refunded, in the zone they picked", async () => {
    fakeApi(
      {
        "GET /api/bookings": page([booking({ status: "cancelled", payment: { status: "refunded", refundAmount: 2500 } })]),
        "GET /api/notifications": notifications,
      },
      customer,
    );
    view = await render(<CustomerDashboard />, "/dashboard");
    const text = await waitFor(() => {
      expect(view!.container.textContent).toContain("Career coaching with Maya");
      return view!.container.textContent!;
    });
    expect(text).toContain("Paid $50.00 · Refunded $25.00");
    expect(text).not.toContain("(refunded)");
    expect(text).toContain("Tue, 2 Jun 2026, 01:00–02:00 (Asia/Tokyo)");
    expect(text).toContain("your time (Europe/London)");
  });
});
