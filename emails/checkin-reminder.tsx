import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type CheckinReminderEmailProps = {
  practiceName: string;
  name: string;
  checkinUrl: string;
  /** The page that turns this reminder off (one click there, or the mail program's own button). */
  unsubscribeUrl: string;
  settingsUrl: string;
};

export const checkinReminderSubject = "Dein wöchentlicher Check-in";

/** The weekly outcome check-in reminder (on by default, one click turns it off). No health data. */
export default function CheckinReminderEmail({
  practiceName = "Rückenwind Coaching",
  name = "Anna",
  checkinUrl = "http://localhost:3000/dashboard/fortschritt",
  unsubscribeUrl = "http://localhost:3000/erinnerung/abmelden?token=preview",
  settingsUrl = "http://localhost:3000/dashboard/fortschritt#erinnerung",
}: CheckinReminderEmailProps) {
  return (
    <EmailLayout preview="Acht kurze Fragen, keine Minute." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        eine Woche ist um. Magst du kurz festhalten, wie es dir ging? Acht kurze Fragen, das dauert keine Minute, und du siehst danach
        deinen Verlauf.
      </Text>
      <Text style={paragraph}>
        <Link href={checkinUrl}>Zum Check-in</Link>
      </Text>
      <Text style={{ ...paragraph, color: colors.muted, fontSize: 14 }}>
        Du bekommst diese Erinnerung einmal pro Woche, solange dein Coaching läuft. Tag und Uhrzeit änderst du{" "}
        <Link href={settingsUrl}>in deinem Bereich</Link>. Keine Erinnerungen mehr: <Link href={unsubscribeUrl}>abbestellen</Link>.
      </Text>
    </EmailLayout>
  );
}
