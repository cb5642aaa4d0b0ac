import type { Metadata } from "next";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Dein Bereich", robots: { index: false } };

export default async function DashboardPage() {
  const [user, settings] = await Promise.all([requireRole("client", "/dashboard"), getPracticeSettings()]);
  const firstName = user.name?.split(" ")[0];
  return (
    <div className="flex flex-col gap-6">
      <h1>{firstName ? `Hallo ${firstName}` : "Hallo"}, schön, dass du da bist.</h1>
      <p className="max-w-prose text-muted">
        Hier findest du bald dein Schmerztagebuch, deine Selbsttests und deine nächsten Termine. Was du hier einträgst, sehen
        nur du und {settings.coachName || "deine Begleitung in der Praxis"}.
      </p>
      <Card aria-labelledby="konto">
        <h2 id="konto" className="mb-2 text-xl">
          Dein Konto
        </h2>
        <p>Angemeldet als {user.email}</p>
      </Card>
    </div>
  );
}
