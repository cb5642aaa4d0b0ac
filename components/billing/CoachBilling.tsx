import Link from "next/link";
import {
  draftFromPackageAction,
  draftFromSessionsAction,
  saveClientBillingAddressAction,
  sellPackageAction,
} from "@/lib/billing/coach-actions";
import { unbilledSessions } from "@/lib/billing/drafts";
import { formatEuro, invoiceStateLabel } from "@/lib/billing/money";
import { listPackages, loadBillingAddress } from "@/lib/billing/queries";
import { listInvoices } from "@/lib/billing/status";
import { formatCalendarDate, formatDate } from "@/lib/time/format";
import { ActionButton } from "./ActionButton";
import { BillingAddressForm } from "./BillingAddressForm";
import { SellPackageForm } from "./SellPackageForm";
import { UnbilledSessionsForm } from "./UnbilledSessionsForm";

/** The money part of the coach's client page: address, packages, "Abrechnen", the client's invoices. Coach pages only. */
export async function CoachBilling({
  client,
  timeZone,
  today,
}: {
  client: { id: string; name: string | null; email: string };
  timeZone: string;
  today: string;
}) {
  const [address, packages, open, invoices] = await Promise.all([
    loadBillingAddress(client.id),
    listPackages(client.id),
    unbilledSessions(client.id),
    listInvoices({ clientId: client.id }, today),
  ]);
  return (
    <section aria-labelledby="abrechnen" className="flex flex-col gap-6">
      <h2 id="abrechnen">Abrechnen</h2>
      {!address && (
        <p className="text-muted">
          Vor der ersten Rechnung braucht es eine Rechnungsadresse. Du kannst sie hier eintragen, oder die Person tut es selbst unter
          „Rechnungen“.
        </p>
      )}
      {open.length === 0 ? (
        <p className="text-muted">Keine abgeschlossene Sitzung wartet auf eine Rechnung.</p>
      ) : (
        <UnbilledSessionsForm
          action={draftFromSessionsAction.bind(null, client.id)}
          sessions={open.map((s) => ({
            id: s.id,
            when: formatDate(s.startAt, timeZone),
            description: `${s.typeName ?? "Sitzung"}, ${s.durationMinutes} Minuten`,
            price: formatEuro(s.priceCents),
          }))}
        />
      )}

      <section aria-labelledby="pakete" className="flex flex-col gap-3">
        <h3 id="pakete">Pakete</h3>
        {packages.length === 0 ? (
          <p className="text-muted">Noch kein Paket.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {packages.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-3">
                <span>
                  <strong>{p.title}</strong> · {formatEuro(p.priceCents)} · {p.used} von {p.sessions} genutzt, {p.sessions - p.used} übrig
                  {p.expiresOn ? ` · gültig bis ${formatCalendarDate(p.expiresOn, "long")}` : ""}
                </span>
                <ActionButton
                  action={draftFromPackageAction}
                  values={{ packageId: p.id }}
                  label="Rechnung für dieses Paket entwerfen"
                  pendingLabel="Entwurf wird erstellt …"
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
        )}
        <details className="rounded-2xl border border-line p-4">
          <summary className="cursor-pointer font-medium">Paket verkaufen</summary>
          <div className="mt-4">
            <SellPackageForm action={sellPackageAction.bind(null, client.id)} />
          </div>
        </details>
      </section>

      <section aria-labelledby="rechnungen-person" className="flex flex-col gap-3">
        <h3 id="rechnungen-person">Rechnungen und Entwürfe</h3>
        {invoices.length === 0 ? (
          <p className="text-muted">Noch keine.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {invoices.map((i) => (
              <li key={i.id}>
                <Link href={`/coach/rechnungen/${i.id}`}>{i.number ?? "Entwurf"}</Link>
                {i.issueDate ? ` · ${formatCalendarDate(i.issueDate, "long")}` : ""} · {formatEuro(i.grossCents)} ·{" "}
                {invoiceStateLabel[i.state]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rechnungsadresse" className="flex flex-col gap-3">
        <h3 id="rechnungsadresse">Rechnungsadresse</h3>
        <BillingAddressForm
          action={saveClientBillingAddressAction.bind(null, client.id)}
          own={false}
          values={{
            name: address?.name ?? client.name ?? "",
            street: address?.street ?? "",
            postalCode: address?.postalCode ?? "",
            city: address?.city ?? "",
            country: address?.country ?? "Deutschland",
            pdfByEmail: address?.pdfByEmail ?? false,
          }}
        />
      </section>
    </section>
  );
}
