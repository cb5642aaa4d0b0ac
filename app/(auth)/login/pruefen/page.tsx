import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Notice } from "@/components/ui/Notice";
import { devMailboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Schau in dein Postfach", robots: { index: false } };

export default async function CheckEmailPage() {
  await connection(); // the mailbox switch is read at start, not baked in by the build
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>Schau in dein Postfach</h1>
      <p>
        Wenn deine Adresse bei mir eingetragen ist, ist der Anmeldelink jetzt unterwegs. Er gilt eine Stunde und funktioniert
        einmal.
      </p>
      <p className="text-muted">
        Nichts angekommen? Schau auch im Spam-Ordner nach, oder <Link href="/login">fordere einen neuen Link an</Link>.
      </p>
      {devMailboxEnabled() && (
        <Notice title="Entwicklungsmodus">
          E-Mails landen im <Link href="/dev/mail">lokalen Postfach</Link>.
        </Notice>
      )}
    </div>
  );
}
