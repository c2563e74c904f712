import { useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError } from "../../shared/api/errors";
import { Button, Empty, ErrorBox, Spinner } from "../../shared/ui/ui";
import { draftFrom, searchFrom } from "./search";
import { SearchForm } from "./SearchForm";
import { SpecialistCard } from "./SpecialistCard";
import { useSpecialists } from "./useSpecialists";

// "/": find a specialist by text, specialty, language, price and a free day,
// by name or soonest available first.
// The filters live in the address; the form shows them as typed.
export default function MarketplacePage() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => draftFrom(params));
  const page = Number(params.get("page") ?? "1");
  const query = useSpecialists(params);
  const [priceError, setPriceError] = useState<Record<string, string>>({});
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const { params: next, errors } = searchFrom(draft);
    setPriceError(errors);
    if (Object.keys(errors).length === 0) setParams(next);
  };
  // The server's 422 names the URL's fields; the form shows whole amounts.
  const server = query.error instanceof ApiError ? query.error.fields : {};
  const errors: Record<string, string | undefined> = {
    min: priceError.min ?? server.minPrice,
    max: priceError.max ?? server.maxPrice,
    currency: server.currency,
    q: server.q,
    specialty: server.specialty,
    language: server.language,
    availableOn: server.availableOn,
    sort: server.sort,
  };
  const tag = (specialty: string) => {
    const next = new URLSearchParams({ specialty });
    setDraft(draftFrom(next));
    setParams(next);
  };
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  const turn = (to: number) => {
    params.set("page", String(to));
    setParams(params);
  };
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">Find a specialist</h1>
      <p className="mb-4 text-slate-600">Book a 1:1 session at a time that suits you, shown in your own time zone.</p>
      <SearchForm draft={draft} errors={errors} onChange={setDraft} onSubmit={apply} />
      {query.isPending && <Spinner label="Finding specialists…" />}
      {query.isError && <ErrorBox error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <Empty>No specialist matches these filters.</Empty>}
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        {query.data?.items.map((s) => (
          <li key={s.id}>
            <SpecialistCard specialist={s} onTag={tag} />
          </li>
        ))}
      </ul>
      {query.isSuccess && pages > 1 && <Pager page={page} pages={pages} onTurn={turn} />}
    </div>
  );
}

function Pager({ page, pages, onTurn }: { page: number; pages: number; onTurn: (page: number) => void }) {
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center gap-3">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onTurn(page - 1)}>
        Previous
      </Button>
      <span>
        Page {page} of {pages}
      </span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onTurn(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
