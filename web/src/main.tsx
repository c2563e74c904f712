// The composition root: the one QueryClient, the one Session (tokens) and the
// API client over it, and the router, whose loaders fetch through both.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createAppRouter } from "./app/router";
import "./index.css";
import { ApiClient } from "./shared/api/client";
import { Session } from "./shared/api/session";
import { AuthProvider } from "./shared/auth/auth";

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const api = new ApiClient(new Session(localStorage));
// Made before the first render: its loaders start the first page's requests
// now, while React mounts.
const router = createAppRouter(queries, api);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <AuthProvider client={api}>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
