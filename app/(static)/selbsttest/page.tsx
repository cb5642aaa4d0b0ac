import type { Metadata } from "next";
import { PublicSelfCheck } from "@/components/checks/PublicSelfCheck";
import { redFlags } from "@/lib/checks/self-check";

export const metadata: Metadata = {
  title: "Selbsttest: 13 Anzeichen",
  description: "Könnte dein Rückenschmerz neuroplastisch sein? 13 Anzeichen und ein paar Sicherheitsfragen, drei Minuten, keine Anmeldung.",
  alternates: { canonical: "/selbsttest" },
};

// From the static cache (the frame shows the practice's name from the database): rendered on the
// first request, again when the practice's settings change or after five minutes.
export const revalidate = 300;

export default function SelfCheckPage() {
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-4">
        <h1>Selbsttest: Könnte dein Schmerz neuroplastisch sein?</h1>
        <p className="text-xl text-muted">
          13 Anzeichen zu deinem Schmerz, danach {redFlags.length} kurze Fragen zu deiner Sicherheit. Je mehr Anzeichen auf dich zutreffen,
          desto eher könnte dein Nervensystem den Schmerz aufrechterhalten. Das ist keine Diagnose, aber ein guter Anfang für ein Gespräch.
        </p>
      </header>
      <PublicSelfCheck />
    </div>
  );
}
