import Link from "next/link";
import type { ReactNode } from "react";
import { SectionNav } from "@/components/site/SectionNav";
import { SiteShell } from "@/components/site/SiteShell";
import { Notice } from "@/components/ui/Notice";
import { requireRole, sessionState } from "@/lib/auth/guards";

const sections = [
  { href: "/coach", label: "Agenda" },
  { href: "/coach/klienten", label: "Klient*innen" },
  { href: "/coach/uebungen", label: "Übungen" },
  { href: "/coach/ergebnisse", label: "Ergebnisse" },
  { href: "/coach/termine", label: "Erstgespräche" },
  { href: "/coach/verfuegbarkeit", label: "Verfügbarkeit" },
  { href: "/coach/artikel", label: "Artikel" },
  { href: "/coach/kommentare", label: "Kommentare" },
  { href: "/coach/rechnungen", label: "Rechnungen" },
  { href: "/coach/emails", label: "E-Mails" },
  { href: "/coach/einstellungen", label: "Einstellungen" },
];

export default async function CoachLayout({ children }: { children: ReactNode }) {
  await requireRole("coach", "/coach");
  const skipped = (await sessionState())?.secondFactor === "skipped";
  return (
    <SiteShell>
      {skipped && (
        <div className="mb-6">
          <Notice tone="warn" title="Entwicklungsmodus: ohne zweiten Faktor angemeldet">
            In Produktion bestätigst du jede Anmeldung nach dem Link aus der E-Mail mit einem Passkey oder einem Wiederherstellungscode.
            Hier in der Entwicklung geht es auch ohne. Einen Passkey richtest du unter{" "}
            <Link href="/coach/einstellungen#anmeldung">Einstellungen</Link> ein.
          </Notice>
        </div>
      )}
      <SectionNav label="Praxis-Bereiche" sections={sections} />
      {children}
    </SiteShell>
  );
}
