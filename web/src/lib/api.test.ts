import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, fieldErrorsFrom } from "./api";

afterEach(() => vi.unstubAllGlobals());

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
    const error = (await api("/api/users/me", { method: "PATCH", body: {} }).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.message).toBe("Some fields are not valid.");
    expect(error.fields).toEqual({ name: "Must not be empty." });
  });
});
