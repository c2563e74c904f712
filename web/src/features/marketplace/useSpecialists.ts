import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ApiClient } from "../../shared/api/client";
import { useApi } from "../../shared/api/context";
import { keys } from "../../shared/api/keys";
import { PREFETCHED_FRESH_MS } from "../../shared/api/prefetch";

// The filters the page's address may carry, passed on as the API's query.
const FILTERS = ["q", "specialty", "language", "minPrice", "maxPrice", "currency", "availableOn", "sort", "page", "pageSize"] as const;

// The list for the page's address, defined once for the page and for its
// route's loader, which starts the request at navigation.
export function specialistsQuery(api: ApiClient, params: URLSearchParams) {
  return queryOptions({
    queryKey: keys.specialists(params.toString()),
    queryFn: () => {
      const query: Partial<Record<(typeof FILTERS)[number], string>> = {};
      for (const key of FILTERS) {
        const value = params.get(key);
        if (value !== null) query[key] = value;
      }
      return api.get("/api/specialists", { query });
    },
    staleTime: PREFETCHED_FRESH_MS,
  });
}

export function useSpecialists(params: URLSearchParams) {
  const api = useApi();
  return useQuery(specialistsQuery(api, params));
}
