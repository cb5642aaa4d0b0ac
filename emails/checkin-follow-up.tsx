import { Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./email-layout";

export type FollowUpEmailProps = {
  practiceName: string;
  name: string;
  /** 3, 6 or 12: months since the coaching was finished. */
  months: number;
  checkinUrl: string;
  unsubscribeUrl: string;
};

export const followUpSubject = "Wie geht es dir inzwischen?";

/** A follow-up check-in 3, 6 or 12 months after the coaching; each is sent once. No health data. */
export default function FollowUpEmail({
  practiceName = "Rückenwind Coaching",
  name = "Anna",
  months = 3,
  checkinUrl = "http://localhost:3000/dashboard/fortschritt",
  unsubscribeUrl = "http://localhost:3000/erinnerung/abmelden?token=preview",
}: FollowUpEmailProps) {
  return (
    <EmailLayout preview="Ein kurzer Check-in nach deinem Coaching." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        dein Coaching ist jetzt {months} Monate her. Ich würde mich freuen zu erfahren, wie es dir inzwischen geht: acht kurze Fragen, keine
        Minute.
      </Text>
      <Text style={paragraph}>
        <Link href={checkinUrl}>Zum Check-in</Link>
      </Text>
      <Text style={{ ...paragraph, fontSize: 14 }}>
        Keine Check-in-E-Mails mehr: <Link href={unsubscribeUrl}>abbestellen</Link>.
      </Text>
    </EmailLayout>
  );
}
