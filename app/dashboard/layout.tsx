import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";
import { homeFor, requireUser } from "@/lib/auth/guards";

const sections = [
  { href: "/dashboard", label: "Übersicht" },
  { href: "/dashboard/tagebuch", label: "Tagebuch" },
  { href: "/dashboard/selbsttest", label: "Selbsttest" },
  { href: "/dashboard/termine", label: "Termine" },
  { href: "/dashboard/daten", label: "Meine Daten" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  // The coach has a portal of their own; a client dashboard would be empty for them.
  if (user.role !== "client") redirect(homeFor(user.role));
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
    </SiteShell>
  );
}
