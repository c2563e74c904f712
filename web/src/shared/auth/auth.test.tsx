import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, render, type Rendered } from "../../test/render";
import { useAuth } from "./auth";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  localStorage.clear();
});

let auth: ReturnType<typeof useAuth>;
function Probe() {
  auth = useAuth();
  return <p>{auth.user?.name ?? "signed out"}</p>;
}

describe("sessions", () => {
  it("logs in with the access token in memory only and logs out this device alone", async () => {
    const calls: { url: string; body: unknown; auth?: string }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, body: init.body ? JSON.parse(init.body as string) : undefined, auth: (init.headers as Record<string, string>).Authorization });
        if (url === "/api/auth/login")
          return jsonResponse(200, { user: { id: "u", email: "a@b.co", name: "Ada", role: "customer", timezone: "Europe/Berlin" }, accessToken: "acc", refreshToken: "ref" });
        return new Response(null, { status: 204 });
      }),
    );
    view = await render(<Probe />);
    await act(async () => void (await auth.login("a@b.co", "correct horse battery")));
    expect(view.container.textContent).toBe("Ada");
    expect(localStorage.getItem("confer.refreshToken")).toBe("ref");
    expect(JSON.stringify({ ...localStorage })).not.toContain("acc"); // never stored
    await act(async () => auth.logout());
    const logout = calls.find((c) => c.url === "/api/auth/logout")!;
    expect(logout.body).toEqual({ refreshToken: "ref" }); // without it the server ends every session
    expect(logout.auth).toBe("Bearer acc");
    expect(view.container.textContent).toBe("signed out");
    expect(localStorage.getItem("confer.refreshToken")).toBeNull();
  });
});
