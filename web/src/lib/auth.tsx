import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, hasRefreshToken, refreshOnce, setTokens, storedRefreshToken } from "./api";

export type User = {
  id: string;
  email: string;
  name: string;
  role: "customer" | "specialist" | "admin";
  timezone: string;
  phone?: string | null;
  smsOptIn?: boolean;
};

type AuthResult = { user: User; accessToken: string; refreshToken: string };

type Auth = {
  user: User | null;
  ready: boolean;
  login: (email: string, password: string) => Promise<User>;
  signup: (input: { email: string; password: string; name: string; role: string; timezone: string }) => Promise<User>;
  logout: () => Promise<void>;
  setUser: (user: User) => void;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(!hasRefreshToken());

  // A returning visitor: trade the stored refresh token for a session, quietly.
  useEffect(() => {
    if (!hasRefreshToken()) return;
    refreshOnce()
      .then(async (ok) => (ok ? setUser(await api<User>("/api/users/me")) : null))
      .catch(() => setTokens(null, null))
      .finally(() => setReady(true));
  }, []);

  const accept = useCallback((result: AuthResult) => {
    setTokens(result.accessToken, result.refreshToken);
    setUser(result.user);
    return result.user;
  }, []);

  const value: Auth = {
    user,
    ready,
    setUser,
    login: async (email, password) =>
      accept(await api<AuthResult>("/api/auth/login", { method: "POST", body: { email, password } })),
    signup: async (input) => accept(await api<AuthResult>("/api/auth/signup", { method: "POST", body: input })),
    logout: async () => {
      try {
        // This device's session only: without a token the server ends them all.
        const refreshToken = storedRefreshToken();
        await api("/api/auth/logout", { method: "POST", body: refreshToken ? { refreshToken } : {} });
      } finally {
        setTokens(null, null);
        setUser(null);
      }
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}
