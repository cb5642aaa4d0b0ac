import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type AppointmentReminderEmailProps = {
  kind: "consultation" | "session";
  practiceName: string;
  coachName: string;
  name: string;
  when: string;
  channel: "video" | "phone" | "in_person";
  /** A video link or an address, when the appointment has one. */
  location?: string | null;
  /** Clients can see their sessions after signing in; visitors of a consultation have no account. */
  dashboardUrl?: string;
  contactEmail: string;
  contactPhone?: string;
};

export function appointmentReminderSubject(kind: "consultation" | "session", when: string) {
  return kind === "consultation" ? `Erinnerung: dein Erstgespräch am ${when}` : `Erinnerung: dein Coaching-Termin am ${when}`;
}

function isLink(value: string) {
  return /^https?:\/\/\S+$/.test(value);
}

/** To the visitor or client once, a while before a confirmed appointment (the lead time is a practice setting). */
export default function AppointmentReminderEmail({
  kind = "session",
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Sabine",
  when = "Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)",
  channel = "video",
  location = "https://meet.example.com/rueckenwind",
  dashboardUrl = "http://localhost:3000/dashboard",
  contactEmail = "hallo@example.com",
  contactPhone = "",
}: AppointmentReminderEmailProps) {
  const what = kind === "consultation" ? "dein kostenloses Erstgespräch" : "dein Coaching-Termin";
  const place = location?.trim() || "";
  return (
    <EmailLayout preview={`Erinnerung: ${when}`} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>eine kurze Erinnerung: Bald ist {what}.</Text>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{when}</Text>
      {channel === "video" && (
        <Text style={paragraph}>
          Wir sprechen per Video.{" "}
          {place && isLink(place) ? (
            <>
              Hier geht es zum Gespräch: <Link href={place}>{place}</Link>
            </>
          ) : (
            "Den Link schicke ich dir rechtzeitig vor dem Termin."
          )}
        </Text>
      )}
      {channel === "phone" && <Text style={paragraph}>Ich rufe dich zur vereinbarten Zeit an{place ? ` (${place})` : ""}.</Text>}
      {channel === "in_person" && <Text style={paragraph}>Wir treffen uns {place ? `hier: ${place}` : "in der Praxis"}.</Text>}
      {kind === "session" && dashboardUrl && (
        <Text style={paragraph}>
          Deine Termine findest du auch in deinem Bereich: <Link href={dashboardUrl}>{dashboardUrl}</Link>
        </Text>
      )}
      <Text style={paragraph}>
        Wenn dir etwas dazwischenkommt, sag mir bitte so früh wie möglich Bescheid: per E-Mail an {contactEmail}
        {contactPhone ? ` oder telefonisch unter ${contactPhone}` : ""}.
      </Text>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>Bis bald, {coachName}</Text>
    </EmailLayout>
  );
}
