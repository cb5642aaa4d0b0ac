import { ButtonLink } from "@/components/ui/Button";

/** The two next steps every article offers. */
export function CallToAction() {
  return (
    <aside aria-label="Nächste Schritte" className="grid gap-4 md:grid-cols-2">
      <div className="flex flex-col gap-3 rounded-2xl bg-accent-soft p-6">
        <p className="font-serif text-xl font-semibold">Passt das zu dir?</p>
        <p>Der Selbsttest zeigt in drei Minuten, wie viele der 13 Anzeichen auf deinen Schmerz zutreffen.</p>
        <div>
          <ButtonLink href="/selbsttest">Selbsttest machen</ButtonLink>
        </div>
      </div>
      <div className="flex flex-col gap-3 rounded-2xl border border-accent/40 bg-surface p-6">
        <p className="font-serif text-xl font-semibold">Lass uns sprechen</p>
        <p>Im kostenlosen Erstgespräch schauen wir gemeinsam auf deine Geschichte. Unverbindlich und ohne Verkaufsgespräch.</p>
        <div>
          <ButtonLink href="/erstgespraech" variant="secondary">
            Erstgespräch buchen
          </ButtonLink>
        </div>
      </div>
    </aside>
  );
}

export function MedicalNotice() {
  return (
    <p className="rounded-xl border border-warn/40 bg-warn-soft p-4 text-base">
      <strong>Wichtig:</strong> Dieser Artikel ersetzt keine ärztliche Diagnose oder Behandlung. Lass körperliche Ursachen deiner
      Schmerzen bitte zuerst ärztlich abklären, besonders bei Fieber, Taubheit im Gesäß- oder Genitalbereich, neuen Blasen- oder
      Darmproblemen oder zunehmender Schwäche in den Beinen.
    </p>
  );
}
