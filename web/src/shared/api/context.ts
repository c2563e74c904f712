import { createContext, useContext } from "react";
import type { ApiClient } from "./client";

// The app's one API client (and through it, its Session), given by AuthProvider.
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error("useApi outside AuthProvider");
  return client;
}
