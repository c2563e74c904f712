// Every cached query's key, in one place, so that a change can name what it
// makes stale. A key's first part alone names the whole family.
export const keys = {
  specialists: (search: string) => ["specialists", search] as const,
  specialist: (id: string | undefined) => ["specialist", id] as const,
  slots: (specialistId: string, serviceId: string, from: string, to: string, zone: string) =>
    ["slots", specialistId, serviceId, from, to, zone] as const,
  slot: (id: string) => ["slot", id] as const,
  bookings: (...filter: string[]) => ["bookings", ...filter] as const,
  booking: (id: string) => ["booking", id] as const,
  receipt: (id: string) => ["receipt", id] as const,
  cancellation: (bookingId: string) => ["cancellation", bookingId] as const,
  manage: (token: string) => ["manage", token] as const,
  notifications: ["notifications"] as const,
  myServices: ["my-services"] as const,
  myAvailability: ["my-availability"] as const,
  myProfile: ["my-profile"] as const,
  feed: ["feed"] as const,
  earnings: ["earnings"] as const,
  payout: ["payout"] as const,
  zoom: ["zoom"] as const,
};

// Families: what to invalidate after a change.
export const families = {
  specialists: ["specialists"],
  specialist: ["specialist"],
  slots: ["slots"],
  bookings: ["bookings"],
  booking: ["booking"],
  receipt: ["receipt"],
  manage: ["manage"],
} as const;
