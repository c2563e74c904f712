// The specialist's saved rules (their defaults before the first save) and
// saving them; a save changes the slots everyone sees at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { ApiError } from "../../../shared/api/errors";
import { families, keys } from "../../../shared/api/keys";
import { defaults, fromServer, toServer, type Rules } from "./rules";

export function useAvailability() {
  const api = useApi();
  return useQuery({
    queryKey: keys.myAvailability,
    queryFn: async () => {
      try {
        return fromServer(await api.get("/api/availability"));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return defaults();
        throw e;
      }
    },
  });
}

export function useSaveAvailability() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rules: Rules) => {
      const body = toServer(rules);
      const saved = rules.id
        ? await api.put("/api/availability/{id}", { path: { id: rules.id }, body })
        : await api.post("/api/availability", { body });
      return fromServer(saved);
    },
    onSuccess: (saved) => {
      client.setQueryData(keys.myAvailability, saved);
      void client.invalidateQueries({ queryKey: families.slots });
    },
  });
}
