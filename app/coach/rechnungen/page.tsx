import type { Metadata } from "next";
import Link from "next/link";
import { TaxExportForm } from "@/components/billing/TaxExportForm";
import { requireRole } from "@/lib/auth/guards";
import { formatEuro, invoiceStateLabel } from "@/lib/billing/money";
import { listInvoicesForCoach } from "@/lib/billing/queries";
import { invoiceListFilterSchema } from "@/lib/billing/schemas";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatCalendarDate } from "@/lib/time/format";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Rechnungen", robots: { index: false } };

const filters = [
  { value: "", label: "Alle" },
  { value: "open", label: "Offen" },
  { value: "overdue", label: "Überfällig" },
  { value: "paid", label: "Bezahlt" },
  { value: "cancelled", label: "Storniert" },
  { value: "draft", label: "Entwürfe" },
] as const;

/**
 * The coach's invoices. Billing data (names, addresses, amounts), not health data: no access-log
 * row, as the client list has none; the client page, which shows health data, writes one.
 */
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("coach", "/coach/rechnungen");
  const { status } = invoiceListFilterSchema.parse(await searchParams);
  const settings = await getPracticeSettings();
  const all = await listInvoicesForCoach(todayIn(settings.timeZone));
  const shown = all.filter((i) => !status || i.state === status || (status === "cancelled" && i.state === "cancellation"));
  return (
    <div className="flex flex-col gap-6">
      <h1>Rechnungen</h1>
      <nav aria-label="Nach Status filtern" className="flex flex-wrap gap-2">
        {filters.map((f) => (
          <Link
            key={f.value}
            href={f.value ? `/coach/rechnungen?status=${f.value}` : "/coach/rechnungen"}
            aria-current={(status ?? "") === f.value ? "page" : undefined}
            className="rounded-full border border-line px-3 py-1 no-underline aria-[current=page]:bg-accent aria-[current=page]:text-white"
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="text-muted">
          {all.length === 0 ? "Noch keine Rechnungen. Du rechnest auf der Seite einer Klient*in ab." : "Keine Rechnung mit diesem Status."}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {shown.map((i) => (
            <li
              key={i.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-xl border border-line bg-surface p-3"
            >
              <span className="flex flex-col">
                <Link href={`/coach/rechnungen/${i.id}`} className="font-medium">
                  {i.number ?? "Entwurf"}
                </Link>
                <span className="text-sm text-muted">
                  {i.clientName}
                  {i.issueDate ? ` · ${formatCalendarDate(i.issueDate, "long")}` : ""}
                </span>
              </span>
              <span className="flex items-baseline gap-3">
                <span>{formatEuro(i.grossCents)}</span>
                <span className="rounded-full bg-accent-soft px-2 py-0.5 text-sm">{invoiceStateLabel[i.state]}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="rounded-xl border border-line bg-surface p-4">
        <TaxExportForm today={todayIn(settings.timeZone)} />
      </section>
    </div>
  );
}
