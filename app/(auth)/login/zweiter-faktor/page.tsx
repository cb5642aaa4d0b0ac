import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RecoveryCodeForm } from "@/components/account/RecoveryCodeForm";
import { SecondFactorPanel } from "@/components/account/SecondFactorPanel";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { signOutAction } from "@/lib/auth/actions";
import { homeFor, secondFactorPath, sessionState } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Anmeldung bestätigen", robots: { index: false } };

/**
 * After the magic link: the coach (always, in production) and every client with a passkey prove
 * a passkey or a recovery code here. Without any passkey yet, the coach sets up the first one.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const [state, { callbackUrl }] = await Promise.all([sessionState(), searchParams]);
  const returnTo = safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (!state) redirect(`/login?callbackUrl=${encodeURIComponent(secondFactorPath(returnTo))}`);
  const next = returnTo === "/login/weiter" ? homeFor(state.user.role) : returnTo;
  if (state.secondFactor === "verified" || state.secondFactor === "off") redirect(next);

  const setup = !state.enrolled;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1>{setup ? "Richte deinen Passkey ein" : "Bestätige deine Anmeldung"}</h1>
      {setup ? (
        <p>
          Dein Konto öffnet die Gesundheitsdaten deiner Klient*innen. Deshalb reicht der Link aus der E-Mail allein nicht: Du bestätigst jede
          Anmeldung zusätzlich mit einem Passkey, also mit dem Fingerabdruck, dem Gesicht oder der PIN deines Geräts oder mit einem
          Sicherheitsschlüssel. Richte jetzt deinen ersten Passkey ein. Danach bekommst du zehn Wiederherstellungscodes für den Notfall.
        </p>
      ) : (
        <p>Der Link aus der E-Mail hat gestimmt. Bestätige jetzt noch mit deinem Passkey, dass du es bist.</p>
      )}
      {state.secondFactor === "skipped" && (
        <Notice tone="warn" title="Entwicklungsmodus">
          In der Entwicklung darfst du diesen Schritt überspringen: <Link href={next}>ohne zweiten Faktor weiter</Link>. In Produktion ist er
          Pflicht.
        </Notice>
      )}
      <Card>
        <SecondFactorPanel mode={setup ? "setup" : "verify"} next={next} />
      </Card>
      {!setup && (
        <details className="rounded-2xl border border-line bg-surface p-5">
          <summary className="cursor-pointer font-medium">Kein Passkey zur Hand?</summary>
          <div className="mt-4">
            <RecoveryCodeForm callbackUrl={returnTo} />
          </div>
        </details>
      )}
      <p className="text-sm text-muted">
        Alle Passkeys und Codes verloren? Dann kann die Betreiberin oder der Betreiber der Seite den zweiten Faktor deines Kontos
        zurücksetzen; danach richtest du bei der nächsten Anmeldung einen neuen Passkey ein.
      </p>
      <form action={signOutAction}>
        <button type="submit" className="cursor-pointer text-muted underline hover:text-ink">
          Abbrechen und abmelden
        </button>
      </form>
    </div>
  );
}
