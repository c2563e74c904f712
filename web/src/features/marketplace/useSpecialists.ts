import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../shared/api/context";
import { keys } from "../../shared/api/keys";

// The filters the page's address may carry, passed on as the API's query.
const FILTERS = ["q", "specialty", "language", "minPrice", "maxPrice", "currency", "availableOn", "sort", "page", "pageSize"] as const;

export function useSpecialists(params: URLSearchParams) {
  const api = useApi();
  return useQuery({
    queryKey: keys.specialists(params.toString()),
    queryFn: () => {
      const query: Partial<Record<(typeof FILTERS)[number], string>> = {};
      for (const key of FILTERS) {
        const value = params.get(key);
        if (value !== null) query[key] = value;
      }
      return api.get("/api/specialists", { query });
    },
  });
}
