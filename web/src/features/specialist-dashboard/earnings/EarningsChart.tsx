import { useState } from "react";
import type { EarningsMonth as EarningsRow } from "../../../shared/api/types";
import { formatMoney } from "../../../shared/money";

// What the chart draws of a month's earnings in one currency.
export type EarningsMonth = Pick<EarningsRow, "month" | "currency" | "gross" | "platformFee" | "net">;

// The last `count` calendar months up to `thisMonth` ("2026-11"), oldest
// first, in one currency; months without sessions are zero.
export function monthSeries(rows: EarningsMonth[], currency: string, thisMonth: string, count = 6): EarningsMonth[] {
  const [y, m] = thisMonth.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    const month = d.toISOString().slice(0, 7);
    return rows.find((r) => r.month === month && r.currency === currency) ?? { month, currency, gross: 0, platformFee: 0, net: 0 };
  });
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

// Stacked bars per month: what the specialist keeps, and the platform fee on top.
export function EarningsChart({ months, thisMonth }: { months: EarningsMonth[]; thisMonth: string }) {
  const currencies = [...new Set(months.map((m) => m.currency))].sort();
  const [picked, setPicked] = useState(currencies[0]);
  const currency = currencies.includes(picked) ? picked : currencies[0];
  if (!currency) return null;
  const series = monthSeries(months, currency, thisMonth);
  const max = Math.max(1, ...series.map((m) => m.gross));
  const W = 600, H = 200, top = 24, bottom = 28, band = W / series.length, bar = Math.min(56, band * 0.6);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const total = series.reduce((sum, m) => sum + m.net, 0);
  return (
    <figure className="mb-3">
      {currencies.length > 1 && (
        <div role="group" aria-label="Currency" className="mb-2 flex gap-1">
          {currencies.map((c) => (
            <button key={c} type="button" aria-pressed={c === currency} onClick={() => setPicked(c)}
              className={`rounded px-2 py-1 text-xs ${c === currency ? "bg-indigo-600 text-white" : "border border-slate-300 bg-white"}`}>
              {c}
            </button>
          ))}
        </div>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img"
        aria-label={`Earnings per month, last ${series.length} months, in ${currency}: ${formatMoney(total, currency)} yours`}>
        <line x1={0} x2={W} y1={H - bottom} y2={H - bottom} stroke="#cbd5e1" />
        {series.map((m, i) => {
          const x = i * band + (band - bar) / 2;
          return (
            <g key={m.month}>
              {m.gross > 0 && (
                <>
                  <rect x={x} y={y(m.gross)} width={bar} height={y(m.net) - y(m.gross)} fill="#c7d2fe" />
                  <rect x={x} y={y(m.net)} width={bar} height={H - bottom - y(m.net)} fill="#4f46e5" />
                  <text x={x + bar / 2} y={y(m.gross) - 6} fontSize="12" textAnchor="middle" fill="#334155">
                    {formatMoney(m.net, currency)}
                  </text>
                </>
              )}
              <text x={i * band + band / 2} y={H - 8} fontSize="13" textAnchor="middle" fill="#475569">
                {monthName(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700">
        <span><span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-indigo-600 align-middle" />Yours</span>
        <span><span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-indigo-200 align-middle" />Platform fee</span>
      </figcaption>
      <EarningsTable series={series} currency={currency} />
    </figure>
  );
}

// The chart's figures as a table, for screen readers.
function EarningsTable({ series, currency }: { series: EarningsMonth[]; currency: string }) {
  return (
    <table className="sr-only">
      <caption>Earnings per month in {currency}</caption>
      <thead>
        <tr><th scope="col">Month</th><th scope="col">Gross</th><th scope="col">Fee</th><th scope="col">Yours</th></tr>
      </thead>
      <tbody>
        {series.map((m) => (
          <tr key={m.month}>
            <th scope="row">{m.month}</th>
            <td>{formatMoney(m.gross, currency)}</td>
            <td>{formatMoney(m.platformFee, currency)}</td>
            <td>{formatMoney(m.net, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
