import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type CoachNoticeKind = "booked" | "moved" | "cancelled";
export type CoachBookingNoticeProps = {
  kind: CoachNoticeKind;
  practiceName: string;
  name: string;
  email: string;
  phone?: string | null;
  channel: "video" | "phone" | "in_person";
  when: string;
  previousWhen?: string;
  message?: string | null;
  reason?: string | null;
  portalUrl: string;
  /** A coaching session rather than the free consultation. */
  session?: boolean;
};

export function coachNoticeSubject(kind: CoachNoticeKind, name: string, when: string, session = false) {
  const what = session ? "Sitzung" : "Erstgespräch";
  if (kind === "booked") return `${session ? "Neue Sitzung" : "Neues Erstgespräch"}: ${name}, ${when}`;
  if (kind === "moved") return `${what} verschoben: ${name}, ${when}`;
  return `${what} abgesagt: ${name}, ${when}`;
}

/** To the coach: a consultation was confirmed, moved or cancelled by the visitor, or a client cancelled a session. */
export default function CoachBookingNotice({
  kind = "booked",
  practiceName = "Rückenwind Coaching",
  name = "Sabine Beispiel",
  email = "sabine@example.com",
  phone = null,
  channel = "video",
  when = "Dienstag, 1. Dezember 2026, 10:00 Uhr",
  previousWhen,
  message = "Seit drei Jahren Schmerzen im unteren Rücken.",
  reason = null,
  portalUrl = "http://localhost:3000/coach/termine",
  session = false,
}: CoachBookingNoticeProps) {
  const what = session ? "die Sitzung" : "das Erstgespräch";
  const headline =
    kind === "booked" ? "hat ein Erstgespräch bestätigt" : kind === "moved" ? `hat ${what} verschoben` : `hat ${what} abgesagt`;
  return (
    <EmailLayout preview={`${name} ${headline}.`} practiceName={practiceName}>
      <Text style={paragraph}>
        {name} {headline}.
      </Text>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{when}</Text>
      {previousWhen && <Text style={paragraph}>Vorher: {previousWhen}</Text>}
      <Text style={paragraph}>
        {channel === "video" ? "Video" : "Telefon"} · {email}
        {phone ? ` · ${phone}` : ""}
      </Text>
      {message && (
        <Text style={{ ...paragraph, borderLeft: `3px solid ${colors.accent}`, paddingLeft: 12, whiteSpace: "pre-wrap" }}>{message}</Text>
      )}
      {reason && <Text style={paragraph}>Grund: {reason}</Text>}
      <Button href={portalUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Im Praxisbereich ansehen
      </Button>
    </EmailLayout>
  );
}
