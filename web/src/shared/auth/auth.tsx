// Who is signed in. The provider holds the app's API client and its Session
// (made here unless one is given): a returning visitor's stored refresh token
// is traded for a session quietly, once.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ApiClient } from "../api/client";
import { ApiContext } from "../api/context";
import { Session } from "../api/session";
import type { paths } from "../api/schema";
import type { User } from "../api/types";

export type SignupInput = paths["/api/auth/signup"]["post"]["requestBody"]["content"]["application/json"];

type Auth = {
  user: User | null;
  ready: boolean;
  login: (email: string, password: string) => Promise<User>;
  signup: (input: SignupInput) => Promise<User>;
  logout: () => Promise<void>;
  setUser: (user: User) => void;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children, client: given }: { children: ReactNode; client?: ApiClient }) {
  const [client] = useState(() => given ?? new ApiClient(new Session()));
  const session = client.session;
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(() => !session.hasRefreshToken());

  useEffect(() => {
    if (!session.hasRefreshToken()) return;
    session
      .refreshOnce()
      .then(async (ok) => (ok ? setUser(await client.get("/api/users/me")) : null))
      .catch(() => session.clear())
      .finally(() => setReady(true));
  }, [client, session]);

  const accept = useCallback(
    (result: { user: User; accessToken: string; refreshToken: string }) => {
      session.setTokens(result.accessToken, result.refreshToken);
      setUser(result.user);
      return result.user;
    },
    [session],
  );

  const value: Auth = {
    user,
    ready,
    setUser,
    login: async (email, password) => accept(await client.post("/api/auth/login", { body: { email, password } })),
    signup: async (input) => accept(await client.post("/api/auth/signup", { body: input })),
    logout: async () => {
      try {
        // This device's session only: without a token the server ends them all.
        const refreshToken = session.storedRefreshToken();
        await client.post("/api/auth/logout", { body: refreshToken ? { refreshToken } : {} });
      } finally {
        session.clear();
        setUser(null);
      }
    },
  };
  return (
    <ApiContext.Provider value={client}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </ApiContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}
