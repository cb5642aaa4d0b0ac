import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type NewFeedbackEmailProps = {
  practiceName: string;
  coachName: string;
  /** The client's first name; without one the greeting is just "Hallo,". */
  name?: string;
  practiceUrl: string;
};

export function newFeedbackSubject(coachName: string) {
  return `${coachName} hat dir geantwortet`;
}

/**
 * To the client when the coach first answers one of their practices. Neither the answer nor the
 * exercise is named: both wait in the portal, behind the sign-in.
 */
export default function NewFeedbackEmail({
  practiceName = "Rückenwind Coaching",
  coachName = "Mara",
  name = "Anna",
  practiceUrl = "http://localhost:3000/dashboard/uebungen",
}: NewFeedbackEmailProps) {
  return (
    <EmailLayout preview={newFeedbackSubject(coachName)} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>
        {coachName} hat dir eine Rückmeldung zu deiner Übung geschrieben. Du liest sie in deinem Bereich, direkt beim Eintrag.
      </Text>
      <Text style={paragraph}>
        <Link href={practiceUrl}>Zur Rückmeldung</Link>
      </Text>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Mehr als eine solche E-Mail am Tag bekommst du nicht, auch wenn {coachName} dir zu mehreren Übungen antwortet.
      </Text>
    </EmailLayout>
  );
}
