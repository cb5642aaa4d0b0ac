import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/billing/ActionButton";
import { InvoiceLines } from "@/components/billing/InvoiceLines";
import { PaymentForm } from "@/components/billing/PaymentForm";
import { Notice } from "@/components/ui/Notice";
import { requireRole } from "@/lib/auth/guards";
import { cancelInvoiceAction, discardDraftAction, issueInvoiceAction, recordPaymentAction } from "@/lib/billing/coach-actions";
import { missingIssuerFields } from "@/lib/billing/issue";
import { formatEuro, invoiceStateLabel } from "@/lib/billing/money";
import { loadBillingAddress, loadInvoice, openCents } from "@/lib/billing/queries";
import { invoiceTax } from "@/lib/billing/tax";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { formatCalendarDate } from "@/lib/time/format";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Rechnung", robots: { index: false } };

/** A draft to review and issue, or an issued invoice with its payments. Billing data only: no access-log row (see the list). */
const notices: Record<string, string> = {
  gestellt: "Die Rechnung ist gestellt. Sie hat ihre Nummer und lässt sich nicht mehr ändern.",
  bezahlt: "Zahlung erfasst. Die Rechnung ist bezahlt.",
  teilzahlung: "Teilzahlung erfasst.",
  storniert: "Die Stornorechnung ist erstellt; die ursprüngliche Rechnung ist damit aufgehoben.",
};

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { hinweis } = await searchParams;
  const notice = typeof hinweis === "string" ? notices[hinweis] : undefined;
  await requireRole("coach", `/coach/rechnungen/${id}`);
  const settings = await loadPracticeSettings();
  const today = todayIn(settings.timeZone);
  const detail = await loadInvoice(id, today);
  if (!detail) notFound();
  const { invoice, lines, payments, client } = detail;
  const clientName = invoice.recipient?.name ?? client?.name ?? client?.email ?? "Gelöschtes Konto";

  if (invoice.status === "draft") {
    const gross = lines.reduce((sum, l) => sum + l.grossCents * l.quantity, 0);
    const missing = missingIssuerFields(settings);
    const address = await loadBillingAddress(invoice.clientId);
    return (
      <div className="flex flex-col gap-6">
        <div>
          <h1>Entwurf für {clientName}</h1>
          <p className="text-muted">So wird die Rechnung aussehen. Die Nummer bekommt sie erst, wenn du sie stellst.</p>
        </div>
        {missing.length > 0 && (
          <Notice tone="warn" title="Für Rechnungen fehlt noch etwas">
            In den <Link href="/coach/einstellungen#rechnungen">Einstellungen</Link>: {missing.join(", ")}.
          </Notice>
        )}
        {!address && (
          <Notice tone="warn" title="Rechnungsadresse fehlt">
            Bitte hinterlege zuerst eine Rechnungsadresse auf der{" "}
            <Link href={`/coach/klienten/${invoice.clientId}#rechnungsadresse`}>Seite der Person</Link>.
          </Notice>
        )}
        <InvoiceLines lines={lines} sums={invoiceTax(settings.taxMode, gross, settings.exemptionNote)} />
        <div className="flex flex-col gap-4">
          <ActionButton
            action={issueInvoiceAction}
            values={{ invoiceId: invoice.id }}
            label="Rechnung stellen"
            pendingLabel="Wird gestellt …"
          />
          <ActionButton
            action={discardDraftAction}
            values={{ invoiceId: invoice.id }}
            label="Entwurf verwerfen"
            pendingLabel="Wird verworfen …"
            variant="quiet"
          />
        </div>
      </div>
    );
  }

  const open = openCents(invoice);
  const payable = invoice.kind === "invoice" && !invoice.cancelledBy && open > 0;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1>
          {invoice.kind === "cancellation" ? "Stornorechnung" : "Rechnung"} {invoice.number}
        </h1>
        <p className="text-muted">
          {clientName} · {formatCalendarDate(invoice.issueDate!, "long")} ·{" "}
          <strong data-testid="invoice-status">{invoiceStateLabel[invoice.state]}</strong>
          {invoice.dueDate && invoice.kind === "invoice" ? ` · fällig am ${formatCalendarDate(invoice.dueDate, "long")}` : ""}
        </p>
        {detail.cancels && <p>Storniert die Rechnung {detail.cancels}.</p>}
        {invoice.cancelledBy && <p>Storniert durch {invoice.cancelledBy}.</p>}
      </div>
      {notice && (
        <Notice tone="success" role="status">
          {notice}
        </Notice>
      )}
      <p>
        <a href={`/coach/rechnungen/${invoice.id}/pdf`}>PDF herunterladen</a>
      </p>
      <InvoiceLines lines={lines} sums={invoice} />
      {invoice.kind === "invoice" && (
        <section aria-labelledby="zahlungen" className="flex flex-col gap-3">
          <h2 id="zahlungen">Zahlungen</h2>
          {payments.length === 0 ? (
            <p className="text-muted">Noch keine Zahlung.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {payments.map((p) => (
                <li key={p.id}>
                  {formatCalendarDate(p.paidOn, "long")}: {formatEuro(p.amountCents)}
                  {p.note ? ` (${p.note})` : ""}
                </li>
              ))}
            </ul>
          )}
          <p>Offen: {formatEuro(open)}</p>
          {payable && <PaymentForm action={recordPaymentAction} invoiceId={invoice.id} open={formatEuro(open)} today={today} />}
        </section>
      )}
      {invoice.kind === "invoice" && !invoice.cancelledBy && (
        <details className="rounded-2xl border border-line p-4">
          <summary className="cursor-pointer font-medium">Stornieren</summary>
          <div className="mt-3 flex flex-col gap-3">
            <p>
              Eine gestellte Rechnung bleibt, wie sie ist. Stornieren erstellt eine Stornorechnung mit eigener Nummer, die sie aufhebt; die
              Sitzungen kannst du danach neu abrechnen.
            </p>
            <ActionButton
              action={cancelInvoiceAction}
              values={{ invoiceId: invoice.id }}
              label="Ja, Stornorechnung erstellen"
              pendingLabel="Wird storniert …"
              variant="danger"
            />
          </div>
        </details>
      )}
      <p>
        <Link href="/coach/rechnungen">Alle Rechnungen</Link>
        {client && (
          <>
            {" · "}
            <Link href={`/coach/klienten/${client.id}`}>Zur Seite von {client.name ?? client.email}</Link>
          </>
        )}
      </p>
    </div>
  );
}
