import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type BookingUpdateKind = "confirmed" | "moved" | "cancelled";
export type BookingUpdateEmailProps = {
  kind: BookingUpdateKind;
  practiceName: string;
  coachName: string;
  /** Null greets without a name (see lib/booking/greeting.ts). */
  name: string | null;
  when: string;
  channel: "video" | "phone" | "in_person";
  manageUrl?: string;
  reason?: string | null;
  cutoffHours: number;
  contactEmail: string;
};

export function bookingUpdateSubject(kind: BookingUpdateKind, when: string) {
  if (kind === "confirmed") return `Dein Erstgespräch ist bestätigt: ${when}`;
  if (kind === "moved") return `Dein Erstgespräch wurde verschoben: ${when}`;
  return "Dein Erstgespräch wurde abgesagt";
}

/** To the visitor whenever their consultation is confirmed, moved or cancelled; the invitation is attached. */
export default function BookingUpdateEmail({
  kind = "confirmed",
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Sabine",
  when = "Dienstag, 1. Dezember 2026, 10:00 Uhr (Europe/Berlin)",
  channel = "video",
  manageUrl = "http://localhost:3000/termin/preview",
  reason = null,
  cutoffHours = 24,
  contactEmail = "hallo@example.com",
}: BookingUpdateEmailProps) {
  const lead =
    kind === "confirmed"
      ? "dein kostenloses Erstgespräch ist bestätigt. Ich freue mich auf dich!"
      : kind === "moved"
        ? "dein Erstgespräch hat einen neuen Termin:"
        : "dein Erstgespräch findet leider nicht statt.";
  return (
    <EmailLayout preview={kind === "cancelled" ? "Dein Termin wurde abgesagt." : when} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>{lead}</Text>
      <Text style={{ ...paragraph, fontWeight: 700, textDecoration: kind === "cancelled" ? "line-through" : undefined }}>{when}</Text>
      {reason && <Text style={paragraph}>Grund: {reason}</Text>}
      {kind !== "cancelled" && (
        <>
          <Text style={paragraph}>
            {channel === "video"
              ? `Wir sprechen per Video. Den Link schicke ich dir rechtzeitig vor dem Termin.`
              : `Ich rufe dich zur vereinbarten Zeit an.`}{" "}
            Die Kalendereinladung hängt an dieser E-Mail.
          </Text>
          {manageUrl && (
            <>
              <Text style={paragraph}>Wenn etwas dazwischenkommt, kannst du den Termin bis {cutoffHours} Stunden vorher selbst verschieben oder absagen:</Text>
              <Button href={manageUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
                Termin verwalten
              </Button>
            </>
          )}
        </>
      )}
      {kind === "cancelled" && <Text style={paragraph}>Wenn du magst, buche gern einen neuen Termin auf unserer Website.</Text>}
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Fragen? Schreib an {contactEmail}. {coachName}
      </Text>
    </EmailLayout>
  );
}
