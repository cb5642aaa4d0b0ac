import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type NewFeedbackEmailProps = {
  practiceName: string;
  /** The coach's first name; without one the email speaks of "deine Rückmeldung". */
  coachName?: string;
  /** The client's first name; without one the greeting is just "Hallo,". */
  name?: string;
  answersUrl: string;
};

export function newFeedbackSubject(coachName?: string) {
  return coachName ? `${coachName} hat dir geantwortet` : "Du hast eine neue Rückmeldung";
}

/**
 * To the client when the coach first answers one of their practices. Neither the answer nor the
 * exercise is named, not even by its address: both wait in the portal, behind the sign-in.
 */
export default function NewFeedbackEmail({
  practiceName = "Rückenwind Coaching",
  coachName = "Mara",
  name = "Anna",
  answersUrl = "http://localhost:3000/dashboard/uebungen#rueckmeldungen",
}: NewFeedbackEmailProps) {
  return (
    <EmailLayout preview={newFeedbackSubject(coachName)} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>
        {coachName ? `${coachName} hat dir eine Rückmeldung` : "Du hast eine Rückmeldung"} zu einer deiner Übungen
        {coachName ? " geschrieben" : " bekommen"}. Du liest sie in deinem Bereich.
      </Text>
      <Text style={paragraph}>
        <Link href={answersUrl}>Zur Rückmeldung</Link>
      </Text>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Mehr als eine solche E-Mail am Tag bekommst du nicht, auch wenn mehrere Rückmeldungen dazukommen.
      </Text>
    </EmailLayout>
  );
}
