// The specialist's own services and every change to them. A change makes the
// list, the public profile and the slots stale.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../../shared/api/context";
import { families, keys } from "../../../shared/api/keys";
import type { Service, ServiceInput } from "../../../shared/api/types";

export function useMyServices() {
  const api = useApi();
  return useQuery({ queryKey: keys.myServices, queryFn: () => api.get("/api/services") });
}

export function useServiceChanges() {
  const api = useApi();
  const client = useQueryClient();
  const stale = () => {
    for (const key of [keys.myServices, families.specialist, families.specialists, families.slots]) void client.invalidateQueries({ queryKey: key });
  };
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ServiceInput }) =>
      id ? api.put("/api/services/{serviceId}", { path: { serviceId: id }, body }) : api.post("/api/services", { body }),
    onSuccess: stale,
  });
  const publish = useMutation({
    mutationFn: (s: Service) =>
      s.published
        ? api.post("/api/services/{serviceId}/unpublish", { path: { serviceId: s.id } })
        : api.post("/api/services/{serviceId}/publish", { path: { serviceId: s.id } }),
    onSuccess: stale,
  });
  const remove = useMutation({
    mutationFn: (s: Service) => api.delete("/api/services/{serviceId}", { path: { serviceId: s.id } }),
    onSuccess: stale,
  });
  return { save, publish, remove };
}
