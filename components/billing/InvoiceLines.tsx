import type { InvoiceLine } from "@/db/schema";
import { formatEuro } from "@/lib/billing/money";
import { formatCalendarDate } from "@/lib/time/format";

/** An invoice's lines and sums as the invoice shows them: gross per line, then net, tax (or its note) and gross. */
export function InvoiceLines({
  lines,
  sums,
}: {
  lines: Pick<InvoiceLine, "id" | "position" | "description" | "serviceDate" | "quantity" | "grossCents">[];
  sums: { netCents: number; taxCents: number; taxRate: number; grossCents: number; taxNote: string };
}) {
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2">
        {lines.map((l) => (
          <li key={l.id} className="flex flex-wrap justify-between gap-x-4 border-b border-line pb-2">
            <span>
              {l.position}. {l.description}, {formatCalendarDate(l.serviceDate, "long")}
              {l.quantity > 1 ? ` × ${l.quantity}` : ""}
            </span>
            <span className="font-medium">{formatEuro(l.grossCents * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>Netto</dt>
        <dd className="text-right">{formatEuro(sums.netCents)}</dd>
        {sums.taxRate > 0 && (
          <>
            <dt>Umsatzsteuer {sums.taxRate} %</dt>
            <dd className="text-right">{formatEuro(sums.taxCents)}</dd>
          </>
        )}
        <dt className="font-semibold">Gesamt</dt>
        <dd className="text-right font-semibold">{formatEuro(sums.grossCents)}</dd>
      </dl>
      {sums.taxNote && <p className="text-sm text-muted">{sums.taxNote}</p>}
    </div>
  );
}
