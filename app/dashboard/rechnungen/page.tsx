import type { Metadata } from "next";
import { BillingAddressForm } from "@/components/billing/BillingAddressForm";
import { requireRole } from "@/lib/auth/guards";
import { saveOwnBillingAddressAction } from "@/lib/billing/client-actions";
import { formatEuro, invoiceStateLabel } from "@/lib/billing/money";
import { listPackages, loadBillingAddress } from "@/lib/billing/queries";
import { listInvoices } from "@/lib/billing/status";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatCalendarDate } from "@/lib/time/format";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Rechnungen", robots: { index: false } };

/** The client's own invoices (issued only), packages and invoice address. */
export default async function MyInvoicesPage() {
  const user = await requireRole("client", "/dashboard/rechnungen");
  const settings = await getPracticeSettings();
  const [invoices, packages, address] = await Promise.all([
    listInvoices({ clientId: user.id, issuedOnly: true }, todayIn(settings.timeZone)),
    listPackages(user.id),
    loadBillingAddress(user.id),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1>Rechnungen</h1>
      <section aria-labelledby="meine-rechnungen" className="flex flex-col gap-3">
        <h2 id="meine-rechnungen">Deine Rechnungen</h2>
        {invoices.length === 0 ? (
          <p className="text-muted">Noch keine Rechnung.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {invoices.map((i) => (
              <li
                key={i.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-xl border border-line bg-surface p-3"
              >
                <span className="flex flex-col">
                  <a href={`/dashboard/rechnungen/${i.id}/pdf`} className="font-medium">
                    {i.kind === "cancellation" ? "Stornorechnung" : "Rechnung"} {i.number} (PDF)
                  </a>
                  <span className="text-sm text-muted">{formatCalendarDate(i.issueDate!, "long")}</span>
                </span>
                <span className="flex items-baseline gap-3">
                  <span>{formatEuro(i.grossCents)}</span>
                  <span className="rounded-full bg-accent-soft px-2 py-0.5 text-sm">{invoiceStateLabel[i.state]}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {invoices.some((i) => i.state === "open" || i.state === "overdue") && settings.iban && (
          <p className="text-sm text-muted">
            Bitte überweise offene Beträge auf das Konto, das auf der Rechnung steht; der QR-Code im PDF füllt die Überweisung in deiner
            Banking-App aus.
          </p>
        )}
      </section>

      {packages.length > 0 && (
        <section aria-labelledby="meine-pakete" className="flex flex-col gap-3">
          <h2 id="meine-pakete">Deine Pakete</h2>
          <ul className="flex flex-col gap-1">
            {packages.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong>: noch {p.sessions - p.used} von {p.sessions} Sitzungen
                {p.expiresOn ? `, gültig bis ${formatCalendarDate(p.expiresOn, "long")}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="meine-adresse" className="flex flex-col gap-3">
        <h2 id="meine-adresse">Rechnungsadresse</h2>
        <p className="text-muted">An diese Adresse geht deine Rechnung. Vor der ersten Rechnung braucht es sie.</p>
        <BillingAddressForm
          action={saveOwnBillingAddressAction}
          own
          values={{
            name: address?.name ?? user.name ?? "",
            street: address?.street ?? "",
            postalCode: address?.postalCode ?? "",
            city: address?.city ?? "",
            country: address?.country ?? "Deutschland",
            pdfByEmail: address?.pdfByEmail ?? false,
          }}
        />
      </section>
    </div>
  );
}
