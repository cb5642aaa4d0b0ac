import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type JournalReminderEmailProps = {
  practiceName: string;
  name: string;
  journalUrl: string;
  /** The page that turns this reminder off (one click there, or the mail program's own button). */
  unsubscribeUrl: string;
  settingsUrl: string;
};

export const journalReminderSubject = "Magst du kurz in dein Tagebuch schreiben?";

/** The daily journal reminder a client asked for; sent only on a day without an entry. No health data. */
export default function JournalReminderEmail({
  practiceName = "Rückenwind Coaching",
  name = "Anna",
  journalUrl = "http://localhost:3000/dashboard/tagebuch/neu",
  unsubscribeUrl = "http://localhost:3000/erinnerung/abmelden?token=preview",
  settingsUrl = "http://localhost:3000/dashboard/tagebuch#erinnerung",
}: JournalReminderEmailProps) {
  return (
    <EmailLayout preview="Zwei Zahlen genügen, dauert keine halbe Minute." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        du wolltest an dein Tagebuch erinnert werden. Wie geht es dir heute? Zwei Zahlen genügen, das dauert keine halbe Minute.
      </Text>
      <Text style={paragraph}>
        <Link href={journalUrl}>Eintrag machen</Link>
      </Text>
      <Text style={{ ...paragraph, color: colors.muted, fontSize: 14 }}>
        Du bekommst diese Erinnerung, weil du sie in deinem Bereich eingeschaltet hast. Die Uhrzeit änderst du{" "}
        <Link href={settingsUrl}>in deinem Tagebuch</Link>. Keine Erinnerungen mehr: <Link href={unsubscribeUrl}>abbestellen</Link>.
      </Text>
    </EmailLayout>
  );
}
