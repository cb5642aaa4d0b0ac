import type { Metadata } from "next";
import { Missing, OrMissing } from "@/components/site/Missing";
import { Notice } from "@/components/ui/Notice";
import { missingImpressumFields } from "@/lib/settings/impressum";
import { getPracticeSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Datenschutz" };

export default async function DatenschutzPage() {
  const s = await getPracticeSettings();
  const incomplete = missingImpressumFields(s).length > 0;
  return (
    <article className="prose-calm">
      <h1>Datenschutzerklärung</h1>
      <p>
        Wir gehen mit deinen Daten so sorgsam um, wie wir es uns selbst wünschen würden: Wir erheben nur, was für das Coaching nötig ist,
        setzen keine Werbe- oder Analyse-Tracker ein und geben nichts weiter, um daran zu verdienen.
      </p>
      {incomplete && (
        <Notice tone="warn" title="Noch nicht vollständig">
          Angaben zur verantwortlichen Stelle fehlen noch. Bitte in den Praxis-Einstellungen ergänzen.
        </Notice>
      )}

      <h2>1. Verantwortliche Stelle</h2>
      <p>
        {s.practiceName}, <OrMissing value={s.coachName} label="Name" />, <OrMissing value={s.street} label="Straße und Hausnummer" />,{" "}
        <OrMissing value={s.postalCode} label="PLZ" /> <OrMissing value={s.city} label="Ort" />, E-Mail:{" "}
        {s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : <Missing label="E-Mail-Adresse" />}
      </p>

      <h2>2. Besuch der Website</h2>
      <p>
        Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse), um die Seite
        auszuliefern und Missbrauch abzuwehren (Art. 6 Abs. 1 lit. f DSGVO). Schriften und alle anderen Inhalte kommen von unserem eigenen
        Server; beim Lesen wird keine Verbindung zu Dritten aufgebaut.
      </p>

      <h2>3. Cookies</h2>
      <p>
        Wir setzen nur ein Cookie, und nur wenn du dich anmeldest: Es hält deine Anmeldung fest und ist dafür technisch notwendig (§ 25 Abs.
        2 TDDDG). Es gibt keine Tracking- oder Marketing-Cookies.
      </p>

      <h2>4. Anmeldung per E-Mail-Link</h2>
      <p>
        Zum Anmelden schicken wir dir einen Link an deine E-Mail-Adresse. Dafür verarbeiten wir die Adresse und den Zeitpunkt der Anfrage
        (Art. 6 Abs. 1 lit. b DSGVO). Der Link gilt eine Stunde und nur einmal.
      </p>

      <h2>5. Gesundheitsdaten</h2>
      <p>
        Schmerztagebuch, Selbsttest und Angaben zu deinen Beschwerden sind Gesundheitsdaten (Art. 9 DSGVO). Wir verarbeiten sie nur mit
        deiner ausdrücklichen Einwilligung (Art. 9 Abs. 2 lit. a DSGVO), die wir mit Zeitpunkt und Textfassung speichern. Sehen können sie
        nur du und {s.coachName || "die Person, die dich in der Praxis begleitet"}. Du kannst die Einwilligung jederzeit mit Wirkung für die
        Zukunft widerrufen.
      </p>
      <p>
        Den Selbsttest kannst du ohne Anmeldung machen: Die Auswertung passiert in deinem Browser, und deine Antworten bleiben dort, bis du
        das Fenster schließt. Nur wenn du beim Buchen eines Erstgesprächs ausdrücklich „Selbsttest-Ergebnis mitschicken“ ankreuzt, wird es
        zusammen mit deiner Buchung gespeichert.
      </p>

      <h2>6. E-Mail-Versand</h2>
      <p>
        Bestätigungen, Terminerinnerungen und Anmeldelinks versenden wir über den Dienst Resend (Resend, Inc., USA) als Auftragsverarbeiter.
        Die Übermittlung stützt sich auf einen Vertrag zur Auftragsverarbeitung und die EU-Standardvertragsklauseln. Es werden nur
        Empfängeradresse und Inhalt der jeweiligen E-Mail übertragen.
      </p>

      <h2>7. Speicherdauer</h2>
      <p>
        Wir speichern Daten, solange du mit uns arbeitest, und löschen sie danach, soweit keine gesetzliche Aufbewahrungspflicht besteht.
        Anmeldelinks verfallen nach einer Stunde.
      </p>

      <h2>8. Deine Rechte</h2>
      <p>
        Du hast das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art.
        15 bis 21 DSGVO). Schreib uns dafür einfach eine E-Mail. Außerdem kannst du dich bei einer Datenschutz-Aufsichtsbehörde beschweren
        (Art. 77 DSGVO).
      </p>
    </article>
  );
}
