import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { homeFor, secondFactorPath, sessionState } from "@/lib/auth/guards";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Anmelden", robots: { index: false } };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; abgemeldet?: string | string[] }>;
}) {
  const [state, { callbackUrl, abgemeldet }] = await Promise.all([sessionState(), searchParams]);
  // Signed in already: home, or to the second factor this session still owes.
  if (state?.secondFactor === "pending") redirect(secondFactorPath(typeof callbackUrl === "string" ? callbackUrl : undefined));
  if (state) redirect(homeFor(state.user.role));
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      {abgemeldet !== undefined && (
        <Notice tone="success" role="status" title="Du bist abgemeldet">
          Auf diesem Gerät ist niemand mehr angemeldet. Bis bald!
        </Notice>
      )}
      <h1>Anmelden</h1>
      <p className="text-muted">
        Für Klientinnen, Klienten und die Praxis. Gib die E-Mail-Adresse ein, mit der du bei mir eingetragen bist.
      </p>
      <Card>
        <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </Card>
      <p className="text-sm text-muted">
        Noch kein Konto? Ein Zugang entsteht, wenn du mit mir arbeitest. Das kostenlose Erstgespräch kannst du ohne Konto buchen.
      </p>
    </div>
  );
}
