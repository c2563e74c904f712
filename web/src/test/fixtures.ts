// Bookings as the API answers them (GET /api/bookings/:id), for component tests.
export const customer = { id: "cu", email: "ravi@example.com", name: "Ravi", role: "customer", timezone: "Europe/London" };
export const specialist = { id: "sp", email: "maya@example.com", name: "Maya", role: "specialist", timezone: "America/New_York" };

type Overrides = Record<string, unknown> & { payment?: Record<string, unknown> };

// A confirmed, paid 60-minute session: 16:00 UTC on Mon 1 Jun 2026, which is
// 01:00 on Tue 2 Jun in Tokyo (where the customer picked it), 17:00 in London
// (the customer's account) and 12:00 in New York (the specialist).
export function booking(overrides: Overrides = {}) {
  const { payment, ...rest } = overrides;
  return {
    id: "b1",
    status: "confirmed",
    slotId: "slot1",
    specialistId: "sp",
    customerId: "cu",
    serviceId: "sv",
    start: "2026-06-01T16:00:00Z",
    end: "2026-06-01T17:00:00Z",
    customerNotes: "",
    sharedNotes: "",
    cancellationReason: null,
    holdExpiresAt: null,
    service: { id: "sv", title: "Career coaching", duration: 60, cancellationPolicy: { deadlineHours: 24, refund: "percentage", refundPercentage: 50 } },
    specialist: { id: "sp", name: "Maya", timezone: "America/New_York" },
    customer: { id: "cu", name: "Ravi", timezone: "Europe/London" },
    customerTimezone: "Asia/Tokyo",
    receiptNumber: "CONF-9C1B-7E4D-5A60-1F2E",
    payment: { amount: 5000, currency: "USD", status: "completed", refundAmount: 0, refundRequestedAt: null, ...payment },
    meeting: null,
    recording: null,
    session: { startedAt: null, endedAt: null, durationMinutes: null },
    ...rest,
  };
}
