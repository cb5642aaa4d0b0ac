import { Button, Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type BookingUpdateKind = "confirmed" | "moved" | "updated" | "cancelled";
export type BookingUpdateEmailProps = {
  kind: BookingUpdateKind;
  practiceName: string;
  coachName: string;
  /** Null greets without a name (see lib/booking/greeting.ts). */
  name: string | null;
  when: string;
  /** The time it moved from ("moved"), written like `when`; empty otherwise. */
  previousWhen?: string;
  channel: "video" | "phone" | "in_person";
  /** The video link (https), the note for a call or the address; empty when none is set (never on a cancellation). */
  place?: string;
  manageUrl?: string;
  /** Where to book a new consultation (after a cancellation). */
  bookUrl: string;
  /** Who cancelled ("cancelled"): the visitor themselves reads that they did. */
  cancelledBy?: "visitor" | "client" | "coach";
  reason?: string | null;
  cutoffHours: number;
  contactEmail: string;
};

export function bookingUpdateSubject(kind: BookingUpdateKind, when: string) {
  if (kind === "confirmed") return `Dein Erstgespräch ist bestätigt: ${when}`;
  if (kind === "moved") return `Dein Erstgespräch wurde verschoben: ${when}`;
  if (kind === "updated") return `Neue Angaben zu deinem Erstgespräch: ${when}`;
  return "Dein Erstgespräch wurde abgesagt";
}

function lead(kind: BookingUpdateKind, cancelledBy: BookingUpdateEmailProps["cancelledBy"]) {
  if (kind === "confirmed") return "dein kostenloses Erstgespräch ist bestätigt. Ich freue mich auf dich!";
  if (kind === "moved") return "dein Erstgespräch hat einen neuen Termin:";
  if (kind === "updated") return "für dein Erstgespräch gibt es neue Angaben, wie wir zusammenkommen:";
  return cancelledBy === "coach"
    ? "dein Erstgespräch muss leider ausfallen. Es tut mir leid."
    : "du hast dein Erstgespräch abgesagt. Danke, dass du Bescheid gegeben hast.";
}

/** How the consultation takes place: the link, the call, the address, or the promise to send the link. */
function HowWeMeet({ channel, place }: { channel: BookingUpdateEmailProps["channel"]; place: string }) {
  if (channel === "video")
    return place ? (
      <Text style={paragraph}>
        Wir sprechen per Video. Hier geht es zum Gespräch: <Link href={place}>{place}</Link>
      </Text>
    ) : (
      <Text style={paragraph}>Wir sprechen per Video. Den Link schicke ich dir rechtzeitig vor dem Termin.</Text>
    );
  if (channel === "phone") return <Text style={paragraph}>Ich rufe dich zur vereinbarten Zeit an.{place ? ` Hinweis: ${place}` : ""}</Text>;
  return <Text style={paragraph}>Wir treffen uns {place ? `hier: ${place}` : "in der Praxis"}.</Text>;
}

const button = { backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 };

/** To the visitor whenever their consultation is confirmed, moved, given a new place or cancelled; the invitation is attached. */
export default function BookingUpdateEmail({
  kind = "confirmed",
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Sabine",
  when = "Dienstag, 1. Dezember 2026 um 10:00 Uhr in Berlin, 04:00 Uhr bei dir (America/New_York)",
  previousWhen = "",
  channel = "video",
  place = "https://meet.example.com/rueckenwind",
  manageUrl = "http://localhost:3000/termin/preview",
  bookUrl = "http://localhost:3000/erstgespraech",
  cancelledBy = "coach",
  reason = null,
  cutoffHours = 24,
  contactEmail = "hallo@example.com",
}: BookingUpdateEmailProps) {
  const cancelled = kind === "cancelled";
  return (
    <EmailLayout preview={cancelled ? "Dein Termin wurde abgesagt." : when} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>{lead(kind, cancelledBy)}</Text>
      <Text style={{ ...paragraph, fontWeight: 700, textDecoration: cancelled ? "line-through" : undefined }}>{when}</Text>
      {kind === "moved" && previousWhen && <Text style={paragraph}>Vorher: {previousWhen}</Text>}
      {reason && <Text style={paragraph}>Grund: {reason}</Text>}
      {!cancelled && (
        <>
          <HowWeMeet channel={channel} place={place ?? ""} />
          <Text style={paragraph}>
            {kind === "updated"
              ? "Die aktualisierte Kalendereinladung hängt an dieser E-Mail."
              : "Die Kalendereinladung hängt an dieser E-Mail."}
          </Text>
          {manageUrl ? (
            <>
              <Text style={paragraph}>
                Wenn etwas dazwischenkommt, kannst du den Termin bis {cutoffHours} Stunden vorher selbst verschieben oder absagen:
              </Text>
              <Button href={manageUrl} style={button}>
                Termin verwalten
              </Button>
            </>
          ) : (
            <Text style={paragraph}>Verschieben oder absagen kannst du ihn weiter über den Link aus deiner Bestätigungs-E-Mail.</Text>
          )}
        </>
      )}
      {cancelled && (
        <>
          <Text style={paragraph}>Wenn du magst, such dir gern einen neuen Termin aus:</Text>
          <Button href={bookUrl} style={button}>
            Neuen Termin buchen
          </Button>
        </>
      )}
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Fragen? Schreib mir an {contactEmail}. {coachName}
      </Text>
    </EmailLayout>
  );
}
