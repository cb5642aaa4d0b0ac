import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export const securityEvents = ["passkey-added", "passkey-removed", "recovery-code-used", "recovery-codes-renewed", "second-factor-reset"] as const;
export type SecurityEvent = (typeof securityEvents)[number];

export type SecurityNoticeProps = {
  event: SecurityEvent;
  name?: string | null;
  practiceName: string;
  /** When it happened, already in the practice's words ("3. Dezember 2026, 09:12"). */
  at: string;
  /** The settings page where passkeys, codes and sessions are managed. */
  settingsUrl: string;
  /** After a recovery code was used: how many are left. */
  remainingCodes?: number;
};

const what: Record<SecurityEvent, { subject: string; sentence: string }> = {
  "passkey-added": { subject: "Neuer Passkey für dein Konto", sentence: "wurde für dein Konto ein neuer Passkey eingerichtet." },
  "passkey-removed": { subject: "Ein Passkey wurde entfernt", sentence: "wurde ein Passkey von deinem Konto entfernt." },
  "recovery-code-used": {
    subject: "Anmeldung mit einem Wiederherstellungscode",
    sentence: "hat sich jemand mit einem deiner Wiederherstellungscodes bei deinem Konto angemeldet.",
  },
  "recovery-codes-renewed": {
    subject: "Neue Wiederherstellungscodes",
    sentence: "wurden für dein Konto neue Wiederherstellungscodes erzeugt. Die bisherigen gelten nicht mehr.",
  },
  "second-factor-reset": {
    subject: "Zweiter Faktor zurückgesetzt",
    sentence:
      "wurden alle Passkeys und Wiederherstellungscodes deines Kontos entfernt und alle Geräte abgemeldet. Du meldest dich wieder mit dem Link aus der E-Mail an und richtest danach, wenn nötig, einen neuen Passkey ein.",
  },
};

export function securityNoticeSubject(event: SecurityEvent, practiceName: string) {
  return `${what[event].subject} (${practiceName})`;
}

/**
 * Tells the account's owner about a change to how the account is protected. It carries no code,
 * no link that signs in, and nothing about anyone's health: only what happened, when, and where
 * to look.
 */
export default function SecurityNoticeEmail({
  event = "passkey-added",
  name = "Mara",
  practiceName = "Rückenwind Coaching",
  at = "3. Dezember 2026, 09:12",
  settingsUrl = "http://localhost:3000/coach/einstellungen#anmeldung",
  remainingCodes,
}: SecurityNoticeProps) {
  return (
    <EmailLayout preview={what[event].subject} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>
        am {at} {what[event].sentence}
        {event === "recovery-code-used" && remainingCodes !== undefined ? ` Du hast noch ${remainingCodes} unbenutzte Codes.` : ""}
      </Text>
      <Text style={paragraph}>Warst du das? Dann ist alles in Ordnung, und du musst nichts tun.</Text>
      <Text style={paragraph}>
        Wenn nicht: Melde dich an, entferne in den Einstellungen unter „Anmeldung und Geräte“ alles, was du nicht kennst, beende die
        Sitzungen fremder Geräte und erzeuge neue Wiederherstellungscodes. Sichere auch dein E-Mail-Postfach mit einem neuen Passwort.
      </Text>
      <Button href={settingsUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Anmeldung und Geräte ansehen
      </Button>
    </EmailLayout>
  );
}
