import { afterEach, describe, expect, it, vi } from "vitest";
import { booking } from "../../../test/fixtures";
import { button, click, fakeApi, problem, render, waitFor, type Rendered } from "../../../test/render";
import { SessionButtons } from "./SessionButtons";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("session buttons", () => {
  it("asks before ending a session early, saying until when it is booked, and only then ends it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T16:20:00Z") });
    const { calls } = fakeApi({ "POST /api/bookings/b1/session/end": { ok: true } });
    const done = vi.fn();
    view = await render(<SessionButtons booking={booking({ status: "in-progress" }) as never} zone="America/New_York" onDone={done} />);
    await click(button(view.container, "End session"));
    expect(view.container.textContent).toContain("This session is booked until 13:00. End it now? The time stays reserved.");
    expect(calls.length).toBe(0);
    await click(button(view.container, "Keep it going"));
    expect(view.container.textContent).not.toContain("End it now?");
    await click(button(view.container, "End session"));
    await click(button(view.container, "End it now"));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /api/bookings/b1/session/end"]);
  });

  it("ends a session at or after its booked end without asking", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T17:05:00Z") });
    const { calls } = fakeApi({ "POST /api/bookings/b1/session/end": { ok: true } });
    view = await render(<SessionButtons booking={booking({ status: "in-progress" }) as never} zone="America/New_York" onDone={() => {}} />);
    await click(button(view.container, "End session"));
    await waitFor(() => expect(calls.length).toBe(1));
  });

  it("shows the server's refusal, e.g. starting too early", async () => {
    fakeApi({ "POST /api/bookings/b1/session/start": () => problem(409, "The session can start at most 15 minutes early.") });
    view = await render(<SessionButtons booking={booking() as never} zone="America/New_York" onDone={() => {}} />);
    await click(button(view.container, "Start session"));
    await waitFor(() => expect(view!.container.querySelector("[role=alert]")!.textContent).toBe("The session can start at most 15 minutes early."));
  });
});
