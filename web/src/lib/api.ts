// The API client: JSON in and out, the access token in memory only, the
// refresh token in localStorage, and a quiet refresh-and-retry on 401.
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  status: number;
  fields: FieldErrors;
  constructor(status: number, message: string, fields: FieldErrors = {}) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

// RFC 9457 `errors` from the server: each field has a list of messages such
// as "must not be empty". Forms show one sentence per field.
export function fieldErrorsFrom(errors: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!errors || typeof errors !== "object") return out;
  for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
    const messages = (Array.isArray(value) ? value : [value]).filter((m): m is string => typeof m === "string" && m.trim() !== "");
    if (!messages.length) continue;
    out[field] = messages
      .map((m) => m.trim())
      .map((m) => m[0].toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? "" : "."))
      .join(" ");
  }
  return out;
}

const REFRESH_KEY = "confer.refreshToken";
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function setTokens(access: string | null, refresh?: string | null) {
  accessToken = access;
  if (refresh !== undefined) {
    if (refresh) localStorage.setItem(REFRESH_KEY, refresh);
    else localStorage.removeItem(REFRESH_KEY);
  }
  listeners.forEach((l) => l());
}

export function storedRefreshToken(): string | null {
  return localStorage.getItem(REFRESH_KEY);
}

export function hasRefreshToken() {
  return !!localStorage.getItem(REFRESH_KEY);
}

export function onTokensChanged(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function refresh(): Promise<boolean> {
  const token = localStorage.getItem(REFRESH_KEY);
  if (!token) return false;
  const response = await fetch("/api/auth/refresh-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refreshToken: token }),
  });
  if (!response.ok) {
    setTokens(null, null);
    return false;
  }
  const body = await response.json();
  setTokens(body.accessToken, body.refreshToken);
  return true;
}

export function refreshOnce(): Promise<boolean> {
  refreshing ??= refresh().finally(() => (refreshing = null));
  return refreshing;
}

type Options = { method?: string; body?: unknown; headers?: Record<string, string> };

export async function api<T = unknown>(path: string, options: Options = {}, retry = true): Promise<T> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (accessToken) headers["Authorization"] = `Bearer ${accessToken}`;
  const response = await fetch(path, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401 && retry && hasRefreshToken() && (await refreshOnce()))
    return api<T>(path, options, false);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof body === "object" && body ? body : {};
    throw new ApiError(
      response.status,
      problem.detail ?? problem.title ?? `The server answered ${response.status}.`,
      fieldErrorsFrom(problem.errors),
    );
  }
  return body as T;
}

export function newIdempotencyKey() {
  return crypto.randomUUID();
}
