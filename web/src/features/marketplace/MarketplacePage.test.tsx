import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, render, waitFor, type Rendered } from "../../test/render";
import MarketplacePage from "./MarketplacePage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

describe("the marketplace", () => {
  it("asks the API for the filters and the order its address names", async () => {
    const { calls } = fakeApi({ "GET /api/specialists": { items: [], total: 0, page: 1, pageSize: 20 } });
    view = await render(<MarketplacePage />, "/?specialty=career&sort=soonest&page=2");
    await waitFor(() => expect(view!.container.textContent).toContain("No specialist matches these filters."));
    const asked = calls.find((c) => c.path === "/api/specialists")!.query;
    expect(Object.fromEntries(asked)).toEqual({ specialty: "career", sort: "soonest", page: "2" });
  });
});
