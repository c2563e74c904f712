import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { byLabel, jsonResponse, render, type, waitFor, type Rendered } from "../../../test/render";
import Signup from "./SignupPage";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const submit = (container: HTMLElement) =>
  act(async () => container.querySelector("form")!.requestSubmit());

describe("sign-up form", () => {
  it("checks the fields before sending anything, each message under its field", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    view = await render(<Signup />, "/signup");
    await type(byLabel(view.container, "Email"), "not-an-email");
    await submit(view.container);
    const email = byLabel(view.container, "Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(email.getAttribute("aria-describedby")!)!.textContent).toBe("Please enter a valid email address.");
    expect(byLabel(view.container, "Name").getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's problem+json field errors next to the fields", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        jsonResponse(
          422,
          { type: "about:blank", title: "Validation failed", status: 422, detail: "Some fields are not valid.", errors: { email: ["is already registered"] } },
          "application/problem+json",
        ),
      ),
    );
    view = await render(<Signup />, "/signup");
    await type(byLabel(view.container, "Name"), "Ada");
    await type(byLabel(view.container, "Email"), "ada@example.com");
    await type(byLabel(view.container, "Password"), "correct horse battery");
    await submit(view.container);
    const email = await waitFor(() => {
      const input = byLabel(view!.container, "Email");
      expect(input.getAttribute("aria-invalid")).toBe("true");
      return input;
    });
    expect(document.getElementById(email.getAttribute("aria-describedby")!)!.textContent).toBe("Is already registered.");
    expect(byLabel(view.container, "Name").getAttribute("aria-invalid")).toBe("false");
  });
});
