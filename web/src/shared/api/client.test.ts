import { afterEach, describe, expect, it, vi } from "vitest";
import { address, ApiClient } from "./client";
import { ApiError, fieldErrorsFrom } from "./errors";
import { Session } from "./session";

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

// A fresh visitor: their own Session (tokens) and the client over it.
const visitor = () => {
  const session = new Session(localStorage);
  return { session, api: new ApiClient(session) };
};

describe("problem+json errors", () => {
  it("turns the server's message lists into one sentence per field", () => {
    expect(
      fieldErrorsFrom({
        email: ["must be an email address like name@example.com"],
        "cancellationPolicy.refundPercentage": ["must be between 0 and 100", 'is required when refund is "percentage"'],
        odd: [42, ""],
      }),
    ).toEqual({
      email: "Must be an email address like name@example.com.",
      "cancellationPolicy.refundPercentage": 'Must be between 0 and 100. Is required when refund is "percentage".',
    });
    expect(fieldErrorsFrom({ name: "Already ends." })).toEqual({ name: "Already ends." });
    expect(fieldErrorsFrom(undefined)).toEqual({});
  });

  it("throws an ApiError with the detail and the fields", async () => {
    const problem = { type: "https://confer.dev/problems/validation-failed", title: "Validation failed", status: 422, detail: "Some fields are not valid.", errors: { name: ["must not be empty"] } };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(problem), { status: 422, headers: { "Content-Type": "application/problem+json" } })));
    const { api } = visitor();
    const error = (await api.patch("/api/users/me", { body: {} }).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.message).toBe("Some fields are not valid.");
    expect(error.fields).toEqual({ name: "Must not be empty." });
  });
});

describe("quiet refresh", () => {
  it("on 401 trades the stored refresh token (in the body) once, then retries with the new access token", async () => {
    localStorage.setItem("confer.refreshToken", "r1");
    const calls: { url: string; auth?: string; body?: string }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>;
        calls.push({ url, auth: headers.Authorization, body: init.body as string | undefined });
        if (url === "/api/auth/refresh-token")
          return new Response(JSON.stringify({ accessToken: "a2", refreshToken: "r2", expiresIn: 900 }), { status: 200, headers: { "Content-Type": "application/json" } });
        if (headers.Authorization === "Bearer a2") return new Response(JSON.stringify({ id: "u" }), { status: 200, headers: { "Content-Type": "application/json" } });
        return new Response(JSON.stringify({ title: "Unauthorized", status: 401 }), { status: 401, headers: { "Content-Type": "application/problem+json" } });
      }),
    );
    const { session, api } = visitor();
    session.setTokens("a1");
    const [one, two] = await Promise.all([api.get("/api/users/me"), api.get("/api/bookings")]);
    expect(one).toEqual({ id: "u" });
    expect(two).toEqual({ id: "u" });
    const refreshes = calls.filter((c) => c.url === "/api/auth/refresh-token");
    expect(refreshes).toHaveLength(1); // two 401s, one refresh: the token is single-use
    expect(JSON.parse(refreshes[0].body!)).toEqual({ refreshToken: "r1" });
    expect(localStorage.getItem("confer.refreshToken")).toBe("r2");
  });

  it("a failed refresh signs out and surfaces the 401", async () => {
    localStorage.setItem("confer.refreshToken", "stale");
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ title: "Unauthorized", status: 401 }), { status: 401, headers: { "Content-Type": "application/problem+json" } })));
    const { session, api } = visitor();
    session.setTokens("old");
    const error = (await api.get("/api/users/me").catch((e) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(localStorage.getItem("confer.refreshToken")).toBeNull();
  });
});

describe("addresses", () => {
  it("fills the contract's path template and adds the query it is given, in order, without the unset parts", () => {
    expect(address("/api/bookings/{bookingId}/cancellation", { path: { bookingId: "b1" } })).toBe("/api/bookings/b1/cancellation");
    expect(address("/api/slots/{slotId}", { path: { slotId: "sv.1780329600" } })).toBe("/api/slots/sv.1780329600");
    expect(address("/api/manage/{token}", { path: { token: "a/b c" } })).toBe("/api/manage/a%2Fb%20c");
    expect(address("/api/bookings", { query: { when: "upcoming", role: "customer", pageSize: 50, status: undefined } })).toBe(
      "/api/bookings?when=upcoming&role=customer&pageSize=50",
    );
    expect(address("/api/health")).toBe("/api/health");
  });
});
