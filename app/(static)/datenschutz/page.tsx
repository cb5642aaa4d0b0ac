import type { Metadata } from "next";
import { Missing, OrMissing } from "@/components/site/Missing";
import { CalendarWritebackNote } from "@/components/privacy/CalendarWritebackNote";
import { KeptAfterDeletion } from "@/components/privacy/KeptAfterDeletion";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/magic-link";
import { RECEIPT_DAYS } from "@/lib/appointments/receipts";
import { writesFullNames } from "@/lib/calendars/connections";
import { INVITATION_VALID_DAYS } from "@/lib/clients/invitations";
import { getPracticeSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Datenschutz" };

// From the static cache, rendered on the first request and again when the practice's or the
// calendar's settings change or after five minutes.
export const revalidate = 300;

export default async function DatenschutzPage() {
  const [s, fullNames] = await Promise.all([getPracticeSettings(), writesFullNames()]);
  const coach = s.coachName || "die Person, die dich in der Praxis begleitet";
  return (
    <article className="prose-calm">
      <h1>Datenschutzerklärung</h1>
      <p>
        Ich gehe mit deinen Daten so sorgsam um, wie ich es mir selbst wünschen würde: Ich erhebe nur, was für das Coaching nötig ist, setze
        keine Werbe- oder Analyse-Tracker ein und gebe nichts weiter, um daran zu verdienen.
      </p>

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
        Die Seite setzt nur ein Cookie, und nur wenn du dich anmeldest: Es hält deine Anmeldung fest und ist dafür technisch notwendig (§ 25
        Abs. 2 TDDDG). Es gibt keine Tracking- oder Marketing-Cookies.
      </p>

      <h2>4. Anmeldung per E-Mail-Link</h2>
      <p>
        Zum Anmelden schicke ich dir einen Link an deine E-Mail-Adresse. Dafür verarbeite ich die Adresse und den Zeitpunkt der Anfrage
        (Art. 6 Abs. 1 lit. b DSGVO). Der Link gilt eine Stunde und nur einmal.
      </p>

      <h2>5. Gesundheitsdaten</h2>
      <p>
        Schmerztagebuch, Selbsttest, Check-ins (Schmerz und ein kurzer Fragebogen zu Stimmung und Sorgen), deine eingetragenen Übungen (mit
        Angst und Stärke vorher und nachher), Beobachtungen zur Sicherheit und Angaben zu deinen Beschwerden sind Gesundheitsdaten (Art. 9
        DSGVO). Ich verarbeite sie nur mit deiner ausdrücklichen Einwilligung (Art. 9 Abs. 2 lit. a DSGVO), die ich mit Zeitpunkt und
        Textfassung speichern. Sehen können sie nur du und {s.coachName || "die Person, die dich in der Praxis begleitet"}. Du kannst die
        Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.
      </p>
      <p>
        Den Selbsttest kannst du ohne Anmeldung machen: Die Auswertung passiert in deinem Browser, und deine Antworten bleiben dort, bis du
        das Fenster schließt. Nur wenn du beim Buchen eines Erstgesprächs ausdrücklich „Selbsttest-Ergebnis mitschicken“ ankreuzt, wird es
        zusammen mit deiner Buchung gespeichert.
      </p>

      <h2>6. E-Mail-Versand</h2>
      <p>
        Bestätigungen, Terminerinnerungen und Anmeldelinks versende ich über den Dienst Resend (Resend, Inc., USA) als Auftragsverarbeiter.
        Die Übermittlung stützt sich auf einen Vertrag zur Auftragsverarbeitung und die EU-Standardvertragsklauseln. Es werden nur
        Empfängeradresse und Inhalt der jeweiligen E-Mail übertragen. Gesundheitsangaben stehen in keiner E-Mail und in keiner
        Kalendereinladung: Deine Nachricht, dein Selbsttest, Notizen und Hausaufgaben liest du (und liest {coach}) nach der Anmeldung im
        geschützten Bereich; die E-Mail sagt nur, dass dort etwas auf dich wartet.
      </p>
      <CalendarWritebackNote coach={coach} fullNames={fullNames} />

      <h2>7. Speicherdauer und Löschung</h2>
      <p>
        Ich speichere nur so lange, wie es für den Zweck nötig ist. Dein Konto mit Tagebuch, Selbsttests, Check-ins, Übungen, Beobachtungen
        und Terminen bleibt, bis du es löschst oder mich bittest, es zu löschen. Einmal am Tag löscht die Plattform von selbst:
      </p>
      <ul>
        <li>
          den Inhalt gesendeter E-Mails nach {s.sentEmailRetentionDays} Tagen. Im Versandprotokoll bleiben danach nur Empfänger*in, Betreff
          und Zeitpunkt, solange es dein Konto oder einen Termin mit dir gibt. Links zum Anmelden, Bestätigen oder Verwalten eines Termins
          bewahre ich schon ab dem Versand nicht mehr lesbar auf;
        </li>
        <li>
          Anfragen für ein Erstgespräch, die nie bestätigt oder die abgesagt wurden, nach {s.openRequestRetentionDays} Tagen, wenn daraus
          keine Zusammenarbeit geworden ist;
        </li>
        <li>die Seite, die dein Browser nach einer Terminanfrage zeigt (mit Uhrzeit und E-Mail-Adresse), nach {RECEIPT_DAYS} Tagen;</li>
        <li>
          stattgefundene oder verpasste Erstgespräche, aus denen keine Zusammenarbeit wurde, {s.pastConsultationRetentionMonths} Monate nach
          dem Termin, mit deiner Nachricht und einem mitgeschickten Selbsttest;
        </li>
        <li>
          Anmelde- und Einladungslinks, sobald sie abgelaufen sind (nach {MAGIC_LINK_MINUTES} Minuten bzw. {INVITATION_VALID_DAYS} Tagen),
          und Anmeldungen auf einem Gerät 30 Tage nach dem letzten Besuch;
        </li>
        <li>
          Zähler zum Schutz vor Missbrauch (deine IP-Adresse steht darin nur als verschlüsselter Prüfwert) nach ihrem Zeitfenster von einer
          Stunde.
        </li>
      </ul>
      <p>
        <strong>Wenn du dein Konto löschst</strong> (unter „Meine Daten“), ist alles sofort weg: Konto, Tagebuch, Selbsttests, Check-ins,
        Hausaufgaben und eingetragene Übungen mit den Rückmeldungen dazu, Beobachtungen, Termine mit den Notizen, die {coach} dazu gemacht
        hat, Einwilligungen, das Protokoll der Einsichten und jede E-Mail an dich oder über dich, auch im Versandprotokoll. Anstehende
        Termine werden abgesagt; die Absagen werden verschickt und danach ebenfalls gelöscht. Gestellte Rechnungen bleiben, wie das Gesetz
        es verlangt (siehe unten).
      </p>
      <KeptAfterDeletion coachName={coach} />

      <h2>8. Deine Rechte</h2>
      <p>
        Du hast das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art.
        15 bis 21 DSGVO). Schreib mir dafür einfach eine E-Mail. Außerdem kannst du dich bei einer Datenschutz-Aufsichtsbehörde beschweren
        (Art. 77 DSGVO).
      </p>
    </article>
  );
}
