import type { Metadata } from "next";
import { EvidenceForm } from "@/components/safety/EvidenceForm";
import { EvidenceList } from "@/components/safety/EvidenceList";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { deleteOwnEvidenceAction, saveOwnEvidenceAction } from "@/lib/safety/actions";
import { listEvidence } from "@/lib/safety/queries";
import { entryOptions } from "@/lib/safety/view";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { firstNameOf } from "@/lib/validation/first-name";

export const metadata: Metadata = { title: "Beobachtungen", robots: { index: false } };

/** The client's evidence of safety: what they and the coach noticed that shows the body is safe. */
export default async function SafetyEvidencePage() {
  const user = await requireRole("client", "/dashboard/beobachtungen");
  const settings = await getPracticeSettings();
  const today = todayIn(settings.timeZone);
  const [items, entries] = await Promise.all([listEvidence(user.id), entryOptions(user.id)]);
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1>Beobachtungen: dein Körper ist sicher</h1>
        <p>
          Hier sammelst du Momente, die zeigen, dass dein Körper sicher ist: ein Spaziergang ohne Schmerz, ein Schmerz, der die Seite
          wechselt, ein guter Tag trotz viel Arbeit. {`${firstNameOf(settings.coachName) ?? "Deine Begleitung"} kann`} auch Beobachtungen
          für dich eintragen.
        </p>
      </div>
      <Card aria-labelledby="neu">
        <h2 id="neu" className="mb-4 text-xl">
          Neue Beobachtung
        </h2>
        <EvidenceForm
          action={saveOwnEvidenceAction}
          entries={entries}
          today={today}
          textLabel="Was hast du beobachtet?"
          submitLabel="Speichern"
        />
      </Card>
      <section aria-labelledby="liste" className="flex flex-col gap-3">
        <h2 id="liste">Deine Sammlung</h2>
        <EvidenceList
          items={items}
          mine={(item) => item.source === "client"}
          sourceLabel={(item) => (item.source === "client" ? "von dir" : `von ${settings.coachName.split(" ")[0] || "deiner Begleitung"}`)}
          saveAction={saveOwnEvidenceAction}
          deleteAction={deleteOwnEvidenceAction}
          entries={entries}
          today={today}
        />
      </section>
    </div>
  );
}
