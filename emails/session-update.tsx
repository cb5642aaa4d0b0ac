import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type SessionUpdateKind = "scheduled" | "moved" | "cancelled";
export type SessionUpdateEmailProps = {
  kind: SessionUpdateKind;
  practiceName: string;
  coachName: string;
  name: string;
  typeName: string;
  /** One time, or every time of a weekly series, in the practice zone. */
  when: string[];
  previousWhen?: string;
  channel: "video" | "phone" | "in_person";
  location?: string | null;
  /** The coach left a note for the client: it is read in their area, never in the email. */
  hasNote?: boolean;
  /** Only text the coach wrote about the change (or none); never something the client wrote. */
  reason?: string | null;
  dashboardUrl: string;
  contactEmail: string;
};

export function sessionUpdateSubject(kind: SessionUpdateKind, typeName: string, when: string[]) {
  if (kind === "scheduled")
    return when.length > 1 ? `Deine ${when.length} neuen Termine: ${typeName}` : `Neuer Termin: ${typeName} am ${when[0]}`;
  if (kind === "moved") return `Termin verschoben: ${typeName} am ${when[0]}`;
  return `Termin abgesagt: ${typeName} am ${when[0]}`;
}

const placeText = { video: "Per Video", phone: "Per Telefon", in_person: "Vor Ort" } as const;

/** To the client whenever the coach schedules, moves or cancels a coaching session; the invitation is attached. */
export default function SessionUpdateEmail({
  kind = "scheduled",
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Anna",
  typeName = "Coaching-Sitzung",
  when = ["Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)"],
  previousWhen,
  channel = "video",
  location = "https://meet.example.com/rueckenwind",
  hasNote = true,
  reason = null,
  dashboardUrl = "http://localhost:3000/dashboard/termine",
  contactEmail = "hallo@example.com",
}: SessionUpdateEmailProps) {
  const series = when.length > 1;
  const lead =
    kind === "scheduled"
      ? series
        ? `ich habe ${when.length} Termine für uns eingetragen, immer im Wochenabstand:`
        : "ich habe einen Termin für uns eingetragen:"
      : kind === "moved"
        ? "unser Termin hat eine neue Zeit:"
        : "dieser Termin findet leider nicht statt:";
  return (
    <EmailLayout preview={`${typeName}: ${when[0]}`} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>{lead}</Text>
      {when.map((w) => (
        <Text
          key={w}
          style={{ ...paragraph, fontWeight: 700, margin: "4px 0", textDecoration: kind === "cancelled" ? "line-through" : undefined }}
        >
          {typeName}: {w}
        </Text>
      ))}
      {previousWhen && <Text style={{ ...paragraph, color: colors.muted }}>Vorher: {previousWhen}</Text>}
      {reason && <Text style={paragraph}>Grund: {reason}</Text>}
      {kind !== "cancelled" && (
        <>
          <Text style={paragraph}>
            {placeText[channel]}
            {location ? `: ${location}` : "."}
          </Text>
          {hasNote && <Text style={paragraph}>Ich habe dir eine Notiz zu diesem Termin hinterlassen. Du liest sie in deinem Bereich.</Text>}
          <Text style={paragraph}>
            {series ? "Die Kalendereinladungen hängen" : "Die Kalendereinladung hängt"} an dieser E-Mail. Alle deine Termine findest du auch
            in deinem Bereich.
          </Text>
        </>
      )}
      {kind === "cancelled" && <Text style={paragraph}>Wir finden gern einen neuen Termin. Schreib mir einfach.</Text>}
      <Button href={dashboardUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Zu deinen Terminen
      </Button>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Fragen? Schreib an {contactEmail}. {coachName}
      </Text>
    </EmailLayout>
  );
}
