import { Button, Text } from "@react-email/components";
import { channelName } from "@/lib/appointments/channels";
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
  /** The person wrote a message with the booking: it waits in the portal, never in the email. */
  hasMessage?: boolean;
  /** The person attached their self-check: likewise. */
  hasSelfCheck?: boolean;
  /** The person gave a reason for the change: likewise. */
  reasonGiven?: boolean;
  /** The cancellation happened because the person deleted their account: nothing is left to see. */
  accountDeleted?: boolean;
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

/** What waits in the portal, named but never quoted: health data does not travel by email. */
function waiting({ hasMessage, hasSelfCheck, reasonGiven }: Pick<CoachBookingNoticeProps, "hasMessage" | "hasSelfCheck" | "reasonGiven">) {
  const things = [hasMessage && "eine Nachricht", hasSelfCheck && "ein Selbsttest-Ergebnis", reasonGiven && "eine Begründung"].filter(
    (t): t is string => Boolean(t),
  );
  if (things.length === 0) return null;
  const list = things.length === 1 ? things[0]! : `${things.slice(0, -1).join(", ")} und ${things.at(-1)}`;
  return `Dazu gibt es ${list}. Du liest ${things.length === 1 ? "sie" : "alles"} im Praxisbereich.`;
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
  hasMessage = true,
  hasSelfCheck = false,
  reasonGiven = false,
  accountDeleted = false,
  portalUrl = "http://localhost:3000/coach/termine",
  session = false,
}: CoachBookingNoticeProps) {
  const what = session ? "die Sitzung" : "das Erstgespräch";
  const headline =
    kind === "booked" ? "hat ein Erstgespräch bestätigt" : kind === "moved" ? `hat ${what} verschoben` : `hat ${what} abgesagt`;
  const details = accountDeleted ? null : waiting({ hasMessage, hasSelfCheck, reasonGiven });
  return (
    <EmailLayout preview={`${name} ${headline}.`} practiceName={practiceName}>
      <Text style={paragraph}>
        {name} {headline}.
      </Text>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{when}</Text>
      {previousWhen && <Text style={paragraph}>Vorher: {previousWhen}</Text>}
      <Text style={paragraph}>
        {channelName[channel]} · {email}
        {phone ? ` · ${phone}` : ""}
      </Text>
      {details && <Text style={paragraph}>{details}</Text>}
      {accountDeleted ? (
        <Text style={paragraph}>
          Der Grund: {name} hat das eigene Konto gelöscht. Termine, Tagebuch und alle Angaben sind damit gelöscht; die Plattform behält auch
          diese E-Mail nicht.
        </Text>
      ) : (
        <Button href={portalUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
          Im Praxisbereich ansehen
        </Button>
      )}
    </EmailLayout>
  );
}
