// The manage link's booking, defined once for the page and for its route's
// loader, which starts the request at navigation while the page's code loads.
import { queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "../../../shared/api/client";
import { keys } from "../../../shared/api/keys";
import { PREFETCHED_FRESH_MS } from "../../../shared/api/prefetch";

export function manageQuery(api: ApiClient, token: string) {
  return queryOptions({
    queryKey: keys.manage(token),
    queryFn: () => api.get("/api/manage/{token}", { path: { token } }),
    staleTime: PREFETCHED_FRESH_MS,
  });
}
