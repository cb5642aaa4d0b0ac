import Link from "next/link";
import type { ReactNode } from "react";
import { RegisterServiceWorker } from "@/components/pwa/RegisterServiceWorker";
import { SiteShell } from "@/components/site/SiteShell";
import { requireRole } from "@/lib/auth/guards";

const sections = [
  { href: "/dashboard", label: "Übersicht" },
  { href: "/dashboard/tagebuch", label: "Tagebuch" },
  { href: "/dashboard/selbsttest", label: "Selbsttest" },
  { href: "/dashboard/beobachtungen", label: "Beobachtungen" },
  { href: "/dashboard/termine", label: "Termine" },
  { href: "/dashboard/daten", label: "Meine Daten" },
  { href: "/dashboard/sicherheit", label: "Sicherheit" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The same rule as every client page and route under /dashboard (each calls requireRole too):
  // the coach gets a 403, not a redirect from the layout.
  await requireRole("client", "/dashboard");
  return (
    <SiteShell>
      <nav aria-label="Dein Bereich" className="mb-8 border-b border-line pb-3">
        <ul className="flex flex-wrap gap-5">
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="no-underline hover:underline">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
      <RegisterServiceWorker />
    </SiteShell>
  );
}
