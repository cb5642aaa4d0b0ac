import type { ReactNode } from "react";
import { RegisterServiceWorker } from "@/components/pwa/RegisterServiceWorker";
import { SectionNav } from "@/components/site/SectionNav";
import { SiteShell } from "@/components/site/SiteShell";
import { requireRole } from "@/lib/auth/guards";

const sections = [
  { href: "/dashboard", label: "Übersicht" },
  { href: "/dashboard/tagebuch", label: "Tagebuch" },
  { href: "/dashboard/uebungen", label: "Übungen" },
  { href: "/dashboard/fortschritt", label: "Fortschritt" },
  { href: "/dashboard/selbsttest", label: "Selbsttest" },
  { href: "/dashboard/beobachtungen", label: "Beobachtungen" },
  { href: "/dashboard/termine", label: "Termine" },
  { href: "/dashboard/rechnungen", label: "Rechnungen" },
  { href: "/dashboard/daten", label: "Meine Daten" },
  { href: "/dashboard/sicherheit", label: "Sicherheit" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The same rule as every client page and route under /dashboard (each calls requireRole too):
  // the coach gets a 403, not a redirect from the layout.
  await requireRole("client", "/dashboard");
  return (
    <SiteShell>
      <SectionNav label="Dein Bereich" sections={sections} />
      {children}
      <RegisterServiceWorker />
    </SiteShell>
  );
}
