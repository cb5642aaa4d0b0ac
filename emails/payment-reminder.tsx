import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type PaymentReminderEmailProps = {
  practiceName: string;
  coachName: string;
  name: string;
  number: string;
  /** The due date as people read it, e.g. "24.03.2027". */
  dueDate: string;
  invoicesUrl: string;
};

export function paymentReminderSubject(number: string) {
  return `Kleine Erinnerung an deine Rechnung ${number}`;
}

/** Once per invoice, a while after its due date while it is still open. Friendly, no amounts. */
export default function PaymentReminderEmail({
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Anna",
  number = "2027-0001",
  dueDate = "24.03.2027",
  invoicesUrl = "http://localhost:3000/dashboard/rechnungen",
}: PaymentReminderEmailProps) {
  return (
    <EmailLayout preview={paymentReminderSubject(number)} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        eine kleine, freundliche Erinnerung: Deine Rechnung {number} war am {dueDate} fällig, und bei mir ist noch keine Zahlung angekommen.
        Das kann im Alltag leicht untergehen.
      </Text>
      <Text style={paragraph}>
        Die Rechnung mit Bankverbindung und GiroCode findest du in deinem Bereich: <Link href={invoicesUrl}>Zu deinen Rechnungen</Link>
      </Text>
      <Text style={paragraph}>
        Hast du schon überwiesen? Dann ist diese E-Mail hinfällig, und die Überweisung ist wohl gerade unterwegs. Wenn etwas nicht passt,
        antworte einfach auf diese E-Mail, dann finden wir eine Lösung.
      </Text>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>Herzliche Grüße, {coachName}</Text>
    </EmailLayout>
  );
}
