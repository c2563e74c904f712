// A small harness for component tests: render into jsdom with React's act,
// a fresh QueryClient and a memory router; fetch is stubbed per test.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router";
import { vi } from "vitest";
import { AuthProvider } from "../shared/auth/auth";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Rendered = { container: HTMLElement; unmount: () => void };

// Where a navigation away from the page under test lands: its address, shown.
function Landed() {
  const location = useLocation();
  return <p data-testid="landed">{location.pathname + location.search}</p>;
}

// `pattern` is the route the element answers (e.g. "/bookings/:bookingId");
// every other address renders its path into [data-testid=landed].
export async function render(element: ReactNode, path = "/", pattern = "*"): Promise<Rendered> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const routes = pattern === "*" ? [{ path: "*", element }] : [{ path: pattern, element }, { path: "*", element: <Landed /> }];
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  let root: Root;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <QueryClientProvider client={client}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>,
    );
  });
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

// Waits until `check` passes (data arrives through promises and re-renders).
export async function waitFor<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await act(async () => new Promise((r) => setTimeout(r, 10)));
    }
  }
}

export function jsonResponse(status: number, body: unknown, type = "application/json") {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

export function problem(status: number, detail: string) {
  return jsonResponse(status, { type: "about:blank", title: "Problem", status, detail }, "application/problem+json");
}

export type Call = { method: string; path: string; query: URLSearchParams; body: unknown };
type Route = unknown | ((call: Call) => Response | Promise<Response>);

// A stand-in for the server: "METHOD /path" → a JSON body (200) or a function
// of the call giving a Response. With `user`, the visitor is signed in (a
// stored refresh token, and /api/users/me answers them). Unknown routes are 404.
export function fakeApi(routes: Record<string, Route>, user?: Record<string, unknown>) {
  if (user) localStorage.setItem("confer.refreshToken", "ref");
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://x");
    const call: Call = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (user && call.path === "/api/auth/refresh-token") return jsonResponse(200, { accessToken: "acc", refreshToken: "ref" });
    if (user && call.path === "/api/users/me") return jsonResponse(200, user);
    const route = routes[`${call.method} ${call.path}`];
    if (route === undefined) return problem(404, `no stub for ${call.method} ${call.path}`);
    return typeof route === "function" ? (route as (c: Call) => Response)(call) : jsonResponse(200, route);
  });
  vi.stubGlobal("fetch", fetch);
  return { fetch, calls };
}

export async function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export function byLabel(container: HTMLElement, text: string): HTMLInputElement {
  const label = [...container.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = document.getElementById(label.htmlFor) as HTMLInputElement | null;
  if (!control) throw new Error(`label "${text}" names no control`);
  return control;
}

// The button whose text (or aria-label) is exactly `name`.
export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll("button")].find(
    (b) => b.textContent?.trim() === name || b.getAttribute("aria-label") === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export async function click(element: HTMLElement) {
  await act(async () => element.click());
}
