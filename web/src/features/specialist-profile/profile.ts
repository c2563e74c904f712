// The profile page's data, defined once for the page and for its route's
// loader, which starts the requests at navigation while the page's code loads.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { ApiClient } from "../../shared/api/client";
import { keys } from "../../shared/api/keys";
import { PREFETCHED_FRESH_MS } from "../../shared/api/prefetch";
import type { SpecialistPage } from "../../shared/api/types";
import { openingRange, slotsQuery } from "../../shared/slots/slots";
import { browserZone, currentZoneName, isZone } from "../../shared/time";

export function specialistQuery(api: ApiClient, specialistId: string) {
  return queryOptions({
    queryKey: keys.specialist(specialistId),
    queryFn: () => api.get("/api/specialists/{specialistId}", { path: { specialistId } }),
    staleTime: PREFETCHED_FRESH_MS,
  });
}

// What a visitor can book: the published services. The first is chosen until
// they pick another.
export const bookableServices = (profile: SpecialistPage) => profile.services.filter((s) => s.published);

// The zone times are shown in: the address's ?tz= (it goes on to checkout with
// the picked slot, and survives a reload), else the browser's.
export function shownZone(params: URLSearchParams): string {
  const picked = params.get("tz");
  return isZone(picked) ? currentZoneName(picked) : browserZone();
}

// Starts what the page shows first: the profile, then the opening week of the
// first bookable service's calendar (which needs the profile to know the
// service). Waits for neither: the page reads both through the same queries,
// joining a request still in flight, and shows a failure itself.
export function prefetchProfile(queries: QueryClient, api: ApiClient, specialistId: string, params: URLSearchParams): void {
  const profile = queries.fetchQuery(specialistQuery(api, specialistId));
  // Worked out while the profile is on its way, neither before (it would hold
  // the request back) nor after (it would hold the calendar's): the first use
  // of Intl on a page takes some 50 ms.
  const zone = shownZone(params);
  const week = openingRange(zone);
  profile
    .then((p) => {
      const first = bookableServices(p)[0];
      if (first) return queries.prefetchQuery(slotsQuery(api, p.id, { serviceId: first.id, ...week, tz: zone }));
    })
    .catch(() => undefined); // the page's own query meets the failure and shows it
}
