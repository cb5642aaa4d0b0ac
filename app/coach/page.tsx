import type { Metadata } from "next";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Praxis", robots: { index: false } };

export default async function CoachHomePage() {
  const user = await requireRole("coach", "/coach");
  return (
    <div className="flex flex-col gap-6">
      <h1>Deine Praxis</h1>
      <p className="max-w-prose text-muted">Angemeldet als {user.email}. Agenda, Klientinnen und Klienten und Einstellungen folgen hier.</p>
      <Card aria-labelledby="heute">
        <h2 id="heute" className="mb-2 text-xl">
          Heute
        </h2>
        <p>Noch keine Termine.</p>
      </Card>
    </div>
  );
}
