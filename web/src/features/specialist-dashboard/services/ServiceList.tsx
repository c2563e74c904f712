import { useState } from "react";
import type { Service } from "../../../shared/api/types";
import { policyText } from "../../../shared/booking/policy";
import { formatMoney } from "../../../shared/money";
import { Button, ErrorBox } from "../../../shared/ui/ui";
import { useServiceChanges } from "./useServices";

// The specialist's services, each with publish or unpublish, edit and delete
// (asked first); the server's reason shows when it refuses.
export function ServiceList({ services, onEdit }: { services: Service[]; onEdit: (s: Service) => void }) {
  const { publish, remove } = useServiceChanges();
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setDeleting(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ul className="mb-4 space-y-2">
        {services.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 text-sm">
            <span className="mr-auto">
              <strong>{s.title}</strong> · {s.duration} min · {formatMoney(s.price, s.currency)} · {s.published ? "published" : "hidden"}
              <span className="block text-xs text-slate-600">{policyText(s.cancellationPolicy)}</span>
            </span>
            <Button variant="secondary" onClick={() => run(() => publish.mutateAsync(s))}>
              {s.published ? "Unpublish" : "Publish"}
            </Button>
            <Button variant="secondary" onClick={() => onEdit(s)} aria-label={`Edit ${s.title}`}>Edit</Button>
            {deleting === s.id ? (
              <span className="flex items-center gap-2" role="group" aria-label={`Delete ${s.title}?`}>
                <span>Withdraw it? Past bookings keep it.</span>
                <Button variant="danger" onClick={() => run(() => remove.mutateAsync(s))}>Delete</Button>
                <Button variant="secondary" onClick={() => setDeleting(null)}>Keep</Button>
              </span>
            ) : (
              <Button variant="danger" onClick={() => setDeleting(s.id)} aria-label={`Delete ${s.title}`}>Delete</Button>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorBox error={error} />}
    </>
  );
}
