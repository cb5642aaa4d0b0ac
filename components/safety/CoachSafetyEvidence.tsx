import { Card } from "@/components/ui/Card";
import { decideSuggestionAction, deleteClientEvidenceAction, saveClientEvidenceAction } from "@/lib/safety/actions";
import { coachEvidenceView } from "@/lib/safety/view";
import { formatCalendarDate } from "@/lib/time/format";
import { EvidenceForm } from "./EvidenceForm";
import { EvidenceList } from "./EvidenceList";
import type { RecordSectionProps } from "@/components/clients/record-section";
import { SuggestionForm } from "./SuggestionForm";
import { firstNameOf } from "@/lib/validation/first-name";

/**
 * The coach's section of a client's page: observations of safety, suggestions from the client's
 * journal (which the client never sees until confirmed), and the report for the doctor.
 */
export async function CoachSafetyEvidence({ coach, client, today }: RecordSectionProps) {
  const firstName = firstNameOf(client.name) ?? "die Person";
  const { evidence, suggestions, moreSuggestions, entries } = await coachEvidenceView(coach, client.id, today);
  const save = saveClientEvidenceAction.bind(null, client.id);
  const decide = decideSuggestionAction.bind(null, client.id);
  return (
    <section aria-labelledby="beobachtungen" className="flex flex-col gap-4">
      <h2 id="beobachtungen">Beobachtungen zur Sicherheit</h2>
      <p>
        <a href={`/coach/klienten/${client.id}/bericht.pdf`} download>
          Bericht für die Ärztin oder den Arzt (PDF, letzte 12 Wochen)
        </a>
      </p>
      <section aria-labelledby="vorschlaege" className="flex flex-col gap-3">
        <h3 id="vorschlaege">Vorschläge aus dem Tagebuch</h3>
        <p className="text-sm text-muted">
          Nur du siehst sie. Bestätigt erscheinen sie bei {firstName}; verworfen kommen sie nicht wieder.
        </p>
        {suggestions.length === 0 ? (
          <p className="text-muted">Gerade keine Vorschläge.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {suggestions.map((s) => (
              <li key={`${s.rule}:${s.evidenceKey}`}>
                <Card className="flex flex-col gap-2">
                  <p className="font-medium">
                    {s.ruleInfo.title} · {formatCalendarDate(s.observedOn, "long")}
                  </p>
                  <p>{s.finding}</p>
                  <p className="text-sm text-muted">Regel: {s.ruleInfo.explanation}</p>
                  <SuggestionForm action={decide} rule={s.rule} evidenceKey={s.evidenceKey} text={s.clientText} firstName={firstName} />
                </Card>
              </li>
            ))}
          </ul>
        )}
        {moreSuggestions > 0 && (
          <p className="text-sm text-muted">Dazu {moreSuggestions} weitere; sie erscheinen, sobald du diese entschieden hast.</p>
        )}
      </section>
      <EvidenceList
        items={evidence}
        mine={(item) => item.source !== "client"}
        sourceLabel={(item) =>
          item.source === "client" ? `von ${firstName}` : item.source === "suggestion" ? "von dir bestätigt" : "von dir"
        }
        saveAction={save}
        deleteAction={deleteClientEvidenceAction}
        deleteFields={{ clientId: client.id }}
        entries={entries}
        today={today}
      />
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-accent">Beobachtung für {firstName} eintragen</summary>
        <EvidenceForm
          action={save}
          entries={entries}
          today={today}
          textLabel={`Was hat ${firstName} beobachtet?`}
          submitLabel="Speichern"
        />
      </details>
    </section>
  );
}
