import { describe, expect, it } from "vitest";
import { validateSignup } from "./validation";

describe("sign-up form", () => {
  it("asks for a name, a real email and 12 to 128 characters of password", () => {
    expect(validateSignup({ name: "", email: "nope", password: "short" })).toEqual({
      name: "Please enter your name.",
      email: "Please enter a valid email address.",
      password: "Use at least 12 characters.",
    });
    expect(validateSignup({ name: "Ada", email: "ada@example.com", password: "correct horse battery" })).toEqual({});
    // Characters, not bytes: 12 emoji are enough.
    expect(validateSignup({ name: "A", email: "a@b.co", password: "🙂".repeat(12) })).toEqual({});
    expect(validateSignup({ name: "A", email: "a@b.co", password: "x".repeat(129) }).password).toBe("Use at most 128 characters.");
  });
});
