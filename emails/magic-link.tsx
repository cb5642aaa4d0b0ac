import { Button, Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type MagicLinkEmailProps = { url: string; name?: string | null; practiceName: string; validMinutes: number };

export function magicLinkSubject(practiceName: string) {
  return `Dein Anmeldelink für ${practiceName}`;
}

export default function MagicLinkEmail({
  url = "http://localhost:3000/login/bestaetigen?token=preview",
  name = "Anna",
  practiceName = "Rückenwind Coaching",
  validMinutes = 60,
}: MagicLinkEmailProps) {
  return (
    <EmailLayout preview="Mit diesem Link meldest du dich an." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>
        hier ist dein Link zur Anmeldung. Er gilt {validMinutes} Minuten und funktioniert genau einmal.
      </Text>
      <Button
        href={url}
        style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8, fontSize: 16 }}
      >
        Jetzt anmelden
      </Button>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Falls der Knopf nicht funktioniert, öffne diesen Link in deinem Browser:{" "}
        <Link href={url} style={{ color: colors.accent, wordBreak: "break-all" }}>
          {url}
        </Link>
      </Text>
      <Text style={{ ...paragraph, fontSize: 14, color: colors.muted }}>
        Du hast keinen Link angefordert? Dann kannst du diese E-Mail einfach ignorieren. Ohne Klick passiert nichts.
      </Text>
    </EmailLayout>
  );
}
