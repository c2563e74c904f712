import { afterEach, describe, expect, it, vi } from "vitest";
import { booking, specialist } from "../../test/fixtures";
import { fakeApi, render, waitFor, type Rendered } from "../../test/render";
import SpecialistDashboard from "./SpecialistDashboard";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const page = (items: unknown[]) => ({ items, total: items.length });
const notifications = { items: [], total: 0, unread: 0 };

describe("dashboards", () => {
  it("lists a specialist's booking on their own clock with the refund owed, and the customer's picked zone as a hint", async () => {
    fakeApi(
      {
        "GET /api/bookings": page([booking({ status: "cancelled", payment: { status: "refund-pending", refundAmount: 2500 } })]),
        "GET /api/notifications": notifications,
      },
      specialist,
    );
    view = await render(<SpecialistDashboard />, "/dashboard");
    const item = await waitFor(() => {
      const li = view!.container.querySelector("[data-testid=specialist-booking]");
      expect(li).not.toBeNull();
      return li!.textContent!;
    });
    expect(item).toContain("Mon, 1 Jun 2026, 12:00–13:00 (America/New_York)");
    expect(item).toContain("Paid $50.00 · Refund of $25.00 pending");
    expect(item).not.toContain("(refund-pending)");
    expect(item).toContain("For Ravi: Tue, 2 Jun 2026, 01:00 (Asia/Tokyo)");
  });
});
