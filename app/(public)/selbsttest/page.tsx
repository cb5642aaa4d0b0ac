import type { Metadata } from "next";
import { SelfCheckForm } from "@/components/checks/SelfCheckForm";
import { currentUser } from "@/lib/auth/guards";
import { saveSelfCheckAction } from "@/lib/checks/actions";
import { redFlags } from "@/lib/checks/self-check";

export const metadata: Metadata = {
  title: "Selbsttest: 13 Anzeichen",
  description: "Könnte dein Rückenschmerz neuroplastisch sein? 13 Anzeichen und ein paar Sicherheitsfragen, drei Minuten, keine Anmeldung.",
  alternates: { canonical: "/selbsttest" },
};

export default async function SelfCheckPage() {
  const user = await currentUser();
  const client = user?.role === "client";
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-4">
        <h1>Selbsttest: Könnte dein Schmerz neuroplastisch sein?</h1>
        <p className="text-xl text-muted">
          13 Anzeichen zu deinem Schmerz, danach {redFlags.length} kurze Fragen zu deiner Sicherheit. Je mehr Anzeichen auf dich zutreffen,
          desto eher könnte dein Nervensystem den Schmerz aufrechterhalten. Das ist keine Diagnose, aber ein guter Anfang für ein Gespräch.
        </p>
        <p className="text-sm text-muted">
          Der Test ersetzt keine ärztliche Untersuchung. {client ? "Dein Ergebnis wird in deinem Bereich gespeichert." : "Deine Antworten bleiben in deinem Browser."}
        </p>
      </header>
      <SelfCheckForm signedIn={client} save={client ? saveSelfCheckAction : undefined} />
    </div>
  );
}
