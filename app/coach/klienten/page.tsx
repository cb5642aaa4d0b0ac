import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { listClients } from "@/lib/clients/coach-view";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Klientinnen und Klienten", robots: { index: false } };

export default async function ClientsPage() {
  await requireRole("coach", "/coach/klienten");
  const clients = await listClients();
  return (
    <div className="flex flex-col gap-6">
      <h1>Klientinnen und Klienten</h1>
      {clients.length === 0 ? (
        <p>Noch niemand. Aus einem Erstgespräch lädst du jemanden mit „Als Klient*in aufnehmen“ ein.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {clients.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-line bg-surface p-4">
              <Link href={`/coach/klienten/${c.id}`}>{c.name ?? c.email}</Link>
              <span className="text-sm text-muted">
                {c.email} · letzter Eintrag: {c.lastEntry ? formatDate(new Date(`${c.lastEntry}T12:00:00Z`)) : "–"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
