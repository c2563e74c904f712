import { afterEach, describe, expect, it, vi } from "vitest";
import { button, click, fakeApi, render, waitFor, type Rendered } from "../../test/render";
import SpecialistPage from "./SpecialistProfilePage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const profile = {
  id: "sp", name: "Maya", headline: "", bio: "", specialties: [], languages: [], timezone: "America/New_York", nextAvailable: [],
  services: [{ id: "sv", title: "Career coaching", description: "", duration: 60, price: 5000, currency: "USD", published: true, cancellationPolicy: { deadlineHours: 24, refund: "none" } }],
};
const slot = { id: "slot1", start: "2026-06-01T16:00:00Z", end: "2026-06-01T17:00:00Z", startLocal: "", duration: 60, price: 5000, currency: "USD", serviceId: "sv", status: "available" };

describe("the specialist's profile", () => {
  it("carries the zone picked on the calendar into checkout's address", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T00:00:00Z") });
    const { calls } = fakeApi({ "GET /api/specialists/sp": profile, "GET /api/specialists/sp/slots": { timezone: "Asia/Tokyo", slots: [slot], nextAfter: null } });
    view = await render(<SpecialistPage />, "/specialists/sp?tz=Asia%2FTokyo", "/specialists/:specialistId");
    const pick = await waitFor(() => button(view!.container, "Tue 2 01:00"));
    expect(calls.find((c) => c.path.endsWith("/slots"))!.query.get("tz")).toBe("Asia/Tokyo");
    await click(pick);
    await waitFor(() => expect(view!.container.querySelector("[data-testid=landed]")!.textContent).toBe("/checkout/slot1?tz=Asia%2FTokyo"));
  });
});
