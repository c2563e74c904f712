// The routes' loaders: a page's requests start at navigation, before the page
// (or its code) is there, and the page then reads those answers instead of
// asking again.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../shared/api/client";
import { Session } from "../shared/api/session";
import { AuthProvider } from "../shared/auth/auth";
import { booking } from "../test/fixtures";
import { button, fakeApi, problem, waitFor, type Call } from "../test/render";
import { appRoutes } from "./router";

let root: Root | null = null;
let container: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// The app's routes at `path`, with a fresh cache and client: the router is
// made (and its loaders run) here; `show` renders it.
function navigate(path: string) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = new ApiClient(new Session(localStorage));
  const router = createMemoryRouter(appRoutes(queries, api), { initialEntries: [path] });
  const show = async () => {
    container = document.createElement("div");
    document.body.appendChild(container);
    await act(async () => {
      root = createRoot(container!);
      root.render(
        <QueryClientProvider client={queries}>
          <AuthProvider client={api}>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>,
      );
    });
    return container;
  };
  return { show };
}

const requests = (calls: Call[], path: string) => calls.filter((c) => c.path === path).length;
// Lets promises settle (a loader's requests start in one) without drawing anything.
const settle = () => new Promise((r) => setTimeout(r, 20));

const service = { id: "sv", title: "Career coaching", description: "", duration: 60, price: 5000, currency: "USD", published: true, cancellationPolicy: { deadlineHours: 24, refund: "none" } };
const profile = { id: "sp", name: "Maya", headline: "Career coach", bio: "", specialties: [], languages: [], timezone: "America/New_York", nextAvailable: [], services: [service] };
const slot = { id: "slot1", start: "2026-06-01T16:00:00Z", end: "2026-06-01T17:00:00Z", startLocal: "", duration: 60, price: 5000, currency: "USD", serviceId: "sv", status: "available" };

describe("the profile route", () => {
  it("asks for the profile, then its calendar's opening week, before the page is drawn; the page asks for neither again", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T00:00:00Z") });
    const { calls } = fakeApi({ "GET /api/specialists/sp": profile, "GET /api/specialists/sp/slots": { timezone: "Asia/Tokyo", slots: [slot], nextAfter: null } });
    const { show } = navigate("/specialists/sp?tz=Asia%2FTokyo");
    await settle();
    expect(requests(calls, "/api/specialists/sp")).toBe(1);
    const week = calls.find((c) => c.path === "/api/specialists/sp/slots")?.query;
    // The calendar's opening week on the address's clock: Mon 1 – Sun 7 June in Tokyo.
    expect(week && Object.fromEntries(week)).toEqual({ serviceId: "sv", from: "2026-06-01", to: "2026-06-07", tz: "Asia/Tokyo" });

    const view = await show();
    await waitFor(() => button(view, "Tue 2 01:00"));
    expect(view.textContent).toContain("Maya");
    expect(requests(calls, "/api/specialists/sp")).toBe(1);
    expect(requests(calls, "/api/specialists/sp/slots")).toBe(1);
  });

  it("leaves a failed profile request to the page, which shows it", async () => {
    const { calls } = fakeApi({ "GET /api/specialists/gone": () => problem(404, "No such specialist.") });
    const { show } = navigate("/specialists/gone");
    await settle();
    expect(requests(calls, "/api/specialists/gone")).toBe(1);
    const view = await show();
    await waitFor(() => expect(view.querySelector("[role=alert]")?.textContent).toBe("No such specialist."));
    expect(requests(calls, "/api/specialists/gone/slots")).toBe(0);
  });
});

describe("the marketplace route", () => {
  it("asks for the list its address filters before the page is drawn, once", async () => {
    const list = { items: [{ ...profile, photoUrl: null, serviceCount: 1, priceFrom: { amount: 5000, currency: "USD" } }], total: 1, page: 1, pageSize: 20 };
    const { calls } = fakeApi({ "GET /api/specialists": list });
    const { show } = navigate("/?specialty=career&sort=soonest");
    await settle();
    expect(calls.map((c) => `${c.path}?${c.query}`)).toEqual(["/api/specialists?specialty=career&sort=soonest"]);

    const view = await show();
    await waitFor(() => expect(view.querySelector("a[href='/specialists/sp']")?.textContent).toBe("Maya"));
    expect(requests(calls, "/api/specialists")).toBe(1);
  });
});

describe("the manage link's route", () => {
  it("asks for the booking before the page is drawn, once", async () => {
    const { calls } = fakeApi({ "GET /api/manage/tok": { ...booking(), viewer: "customer" } });
    const { show } = navigate("/manage/tok");
    await settle();
    expect(requests(calls, "/api/manage/tok")).toBe(1);
    const view = await show();
    await waitFor(() => expect(view.textContent).toContain("Your booking"));
    expect(requests(calls, "/api/manage/tok")).toBe(1);
  });
});
