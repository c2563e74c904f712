import type { Service, Slot } from "../api/types";

// What a page that sends a visitor to checkout (/checkout/:slotId?tz=…) hands
// it in the navigation state: the slot when picked on a calendar, the service
// and the specialist. A link without it (a reload, an email) works too:
// checkout then fetches the slot and the profile.
export type CheckoutState = { slot?: Slot; service?: Service; specialist: { id: string; name: string } };

export function checkoutAddress(slotId: string, zone: string): string {
  return `/checkout/${encodeURIComponent(slotId)}?${new URLSearchParams({ tz: zone })}`;
}
