// One visitor's tokens, held by one object that the app makes at start (and
// each test makes afresh): the access token in memory only, the refresh token
// in the given storage (localStorage in the browser), and at most one refresh
// in flight, since a refresh token works once.
import type { components } from "./schema";

type Tokens = components["schemas"]["Tokens"];

export const REFRESH_KEY = "confer.refreshToken";

// The network call a session refreshes through: the global fetch, looked up
// at call time so that a stubbed one is used.
type Post = (path: string, init: RequestInit) => Promise<Response>;
const globalFetch: Post = (path, init) => fetch(path, init);

export class Session {
  private access: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage = localStorage,
    private readonly post: Post = globalFetch,
  ) {}

  get accessToken(): string | null {
    return this.access;
  }

  // `refresh` undefined leaves the stored refresh token as it is; null removes it.
  setTokens(access: string | null, refresh?: string | null) {
    this.access = access;
    if (refresh !== undefined) {
      if (refresh) this.storage.setItem(REFRESH_KEY, refresh);
      else this.storage.removeItem(REFRESH_KEY);
    }
    this.listeners.forEach((l) => l());
  }

  clear() {
    this.setTokens(null, null);
  }

  storedRefreshToken(): string | null {
    return this.storage.getItem(REFRESH_KEY);
  }

  hasRefreshToken(): boolean {
    return !!this.storedRefreshToken();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Trades the stored refresh token for new tokens; callers at the same time
  // share one trade. False (and signed out) when the server refuses it.
  refreshOnce(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(): Promise<boolean> {
    const token = this.storedRefreshToken();
    if (!token) return false;
    const response = await this.post("/api/auth/refresh-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: token }),
    });
    if (!response.ok) {
      this.clear();
      return false;
    }
    const body: unknown = await response.json();
    const tokens = readTokens(body);
    if (!tokens) {
      this.clear();
      return false;
    }
    this.setTokens(tokens.accessToken, tokens.refreshToken);
    return true;
  }
}

// The two tokens of a refresh answer (the spec's Tokens), checked rather than assumed.
function readTokens(body: unknown): Pick<Tokens, "accessToken" | "refreshToken"> | null {
  if (typeof body !== "object" || body === null || !("accessToken" in body) || !("refreshToken" in body)) return null;
  const { accessToken, refreshToken } = body;
  return typeof accessToken === "string" && typeof refreshToken === "string" ? { accessToken, refreshToken } : null;
}
