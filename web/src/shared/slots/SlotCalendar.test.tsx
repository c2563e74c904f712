import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, render, waitFor, type Rendered } from "../../test/render";
import { mondayOffset, SlotCalendar } from "./SlotCalendar";

// Two slots the server offers: 09:00 and 09:30 in New York on Wed 2 June 2027.
const slots = [
  { id: "a", start: "2027-06-02T13:00:00Z", end: "2027-06-02T13:30:00Z", startLocal: "", duration: 30, price: 4500, currency: "USD", serviceId: "s", status: "available" },
  { id: "b", start: "2027-06-02T13:30:00Z", end: "2027-06-02T14:00:00Z", startLocal: "", duration: 30, price: 4500, currency: "USD", serviceId: "s", status: "available" },
];

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

function stubSlots() {
  const fetch = vi.fn(async (url: string) => jsonResponse(200, { timezone: new URL(url, "http://x").searchParams.get("tz"), slots }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("SlotCalendar", () => {
  it("asks for slots in the viewer's zone and shows them on that clock, naming the zone", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-06-01T12:00:00Z") });
    const fetch = stubSlots();
    view = await render(<SlotCalendar specialistId="sp" serviceId="s" zone="Asia/Kolkata" onPick={() => {}} />);
    const buttons = await waitFor(() => {
      const found = [...view!.container.querySelectorAll("button[aria-pressed]")].filter((b) => /^\d\d:\d\d$/.test(b.textContent!));
      expect(found.length).toBe(2);
      return found;
    });
    vi.useRealTimers();
    expect(buttons.map((b) => b.textContent)).toEqual(["18:30", "19:00"]);
    expect(buttons[0].getAttribute("aria-label")).toBe("Wed 2 18:30");
    expect(view.container.textContent).toContain("Times in Asia/Kolkata");
    const asked = new URL(fetch.mock.calls[0][0], "http://x");
    expect(asked.pathname).toBe("/api/specialists/sp/slots");
    expect(Object.fromEntries(asked.searchParams)).toEqual({ serviceId: "s", from: "2027-05-31", to: "2027-06-06", tz: "Asia/Kolkata" });
  });

  it("puts a slot on the viewer's local day, even when that is the next day in UTC", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-06-01T12:00:00Z") });
    stubSlots();
    view = await render(<SlotCalendar specialistId="sp" serviceId="s" zone="Pacific/Auckland" onPick={() => {}} />);
    const button = await waitFor(() => {
      const b = view!.container.querySelector("button[aria-label^='Thu 3']");
      expect(b).not.toBeNull();
      return b!;
    });
    vi.useRealTimers();
    // 13:00 UTC on 2 June is 01:00 on 3 June in Auckland (NZST, +12).
    expect(button.textContent).toBe("01:00");
  });

  it("follows nextAfter until the list is complete, so no slot is lost", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-06-01T12:00:00Z") });
    const fetch = vi.fn(async (url: string) => {
      const after = new URL(url, "http://x").searchParams.get("after");
      return after === null
        ? jsonResponse(200, { timezone: "Asia/Kolkata", slots: [slots[0]], nextAfter: "2027-06-02T13:30:00Z" })
        : jsonResponse(200, { timezone: "Asia/Kolkata", slots: [slots[1]], nextAfter: null });
    });
    vi.stubGlobal("fetch", fetch);
    view = await render(<SlotCalendar specialistId="sp" serviceId="s" zone="Asia/Kolkata" onPick={() => {}} />);
    const times = await waitFor(() => {
      const found = [...view!.container.querySelectorAll("button[aria-pressed]")].map((b) => b.textContent).filter((t) => /^\d\d:\d\d$/.test(t!));
      expect(found).toEqual(["18:30", "19:00"]);
      return found;
    });
    vi.useRealTimers();
    expect(times.length).toBe(2);
    expect(fetch).toHaveBeenCalledTimes(2);
    const second = new URL(fetch.mock.calls[1][0], "http://x").searchParams;
    expect(second.get("after")).toBe("2027-06-02T13:30:00Z");
    expect(second.get("from")).toBe("2027-05-31");
  });

  it("lines the month up under Monday-first weekday headings", () => {
    expect(mondayOffset("2027-06-01")).toBe(1); // a Tuesday
    expect(mondayOffset("2027-02-01")).toBe(0); // a Monday
    expect(mondayOffset("2026-11-01")).toBe(6); // a Sunday
  });
});

