import { Link, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type InvoiceReadyEmailProps = {
  practiceName: string;
  coachName: string;
  name: string;
  kind: "invoice" | "cancellation";
  number: string;
  /** The number of the invoice a cancellation invoice cancels. */
  cancelsNumber?: string;
  invoicesUrl: string;
  /** Whether the PDF is attached (the client's choice in their settings). */
  attached: boolean;
};

export function invoiceReadySubject(kind: "invoice" | "cancellation", number: string) {
  return kind === "cancellation" ? `Deine Stornorechnung ${number}` : `Deine Rechnung ${number}`;
}

/** To the client when an invoice or a cancellation invoice is issued. No amounts, no health data. */
export default function InvoiceReadyEmail({
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Anna",
  kind = "invoice",
  number = "2027-0001",
  cancelsNumber = "",
  invoicesUrl = "http://localhost:3000/dashboard/rechnungen",
  attached = false,
}: InvoiceReadyEmailProps) {
  const what = kind === "cancellation" ? `deine Stornorechnung ${number}` : `deine Rechnung ${number}`;
  return (
    <EmailLayout preview={invoiceReadySubject(kind, number)} practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        {kind === "cancellation"
          ? `${what} ist fertig. Sie hebt die Rechnung ${cancelsNumber} auf; dafür musst du nichts überweisen.`
          : `${what} ist fertig. Du findest sie in deinem Bereich und kannst sie dort als PDF herunterladen.`}
      </Text>
      <Text style={paragraph}>
        <Link href={invoicesUrl}>Zu deinen Rechnungen</Link>
      </Text>
      {attached && <Text style={paragraph}>Wie gewünscht hängt die Rechnung auch als PDF an dieser E-Mail.</Text>}
      <Text style={paragraph}>Wenn dir etwas unklar ist, antworte einfach auf diese E-Mail.</Text>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>Herzliche Grüße, {coachName}</Text>
    </EmailLayout>
  );
}
