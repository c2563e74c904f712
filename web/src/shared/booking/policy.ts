// A service's cancellation policy in words. The server's rule
// (src/domain/booking_rules.hpp): a customer who cancels at least
// `deadlineHours` before the start gets everything back; later, `refund` says
// what is given back (all, a percentage, or nothing). A specialist's
// cancellation always refunds everything.
import type { CancellationPolicy } from "../api/types";

export function policyText(p: Pick<CancellationPolicy, "deadlineHours" | "refund"> & { refundPercentage?: number }): string {
  if (p.refund === "full") return "Free cancellation at any time: a full refund.";
  const late =
    p.refund === "percentage" ? `${p.refundPercentage ?? 0}% back after that` : "no refund after that";
  if (p.deadlineHours === 0) return p.refund === "percentage" ? `Cancel at any time for ${p.refundPercentage ?? 0}% back.` : "No refund on cancellation.";
  return `Full refund if you cancel at least ${p.deadlineHours} h before the start; ${late}.`;
}
