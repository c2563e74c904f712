import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { keys } from "../api/keys";
import type { CancellationQuote } from "../api/types";
import { Button, ErrorBox, Field, TextInput } from "../ui/ui";
import { quoteText, type Viewer } from "./booking";

// Before a cancellation is confirmed: the exact refund the server would give
// now (GET …/cancellation, which changes nothing), the policy in words, and a
// reason. Confirming stays possible when the quote cannot be had: the server
// decides either way, and the result shows what it decided.
export function CancelPanel({
  bookingId,
  viewer,
  policy,
  quote,
  busy,
  onConfirm,
  onKeep,
}: {
  bookingId: string;
  viewer: Viewer;
  policy?: string;
  quote: () => Promise<CancellationQuote>;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onKeep: () => void;
}) {
  const [reason, setReason] = useState("");
  // Asked afresh each time the panel opens: the refund depends on the time left.
  const refund = useQuery({ queryKey: keys.cancellation(bookingId), queryFn: quote, staleTime: 0, gcTime: 0, retry: false });
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-3">
      <div aria-live="polite" className="mb-2 text-sm">
        {refund.isPending && <p role="status">Working out your refund…</p>}
        {refund.isSuccess && (
          <>
            <p className="font-semibold" data-testid="refund-quote">
              {quoteText(refund.data, viewer)}
            </p>
            {refund.data.paid > 0 && <p>{refund.data.refund.reason}</p>}
          </>
        )}
      </div>
      {refund.isError && (
        <div className="mb-2">
          <ErrorBox error={refund.error} />
          <Button variant="secondary" onClick={() => refund.refetch()}>
            Check the refund again
          </Button>
        </div>
      )}
      {policy && <p className="mb-2 text-sm text-slate-700">{policy}</p>}
      <Field label="Reason (optional)">{(id) => <TextInput id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={busy || refund.isPending} onClick={() => onConfirm(reason)}>
          Confirm cancellation
        </Button>
        <Button variant="secondary" onClick={onKeep}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
