import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type ClientInvitationProps = { practiceName: string; coachName: string; name: string; signInUrl: string; validDays: number };

export function clientInvitationSubject(practiceName: string) {
  return `Dein Zugang bei ${practiceName}`;
}

/** To a new client: their own area is ready; the link signs them in once. */
export default function ClientInvitationEmail({
  practiceName = "Rückenwind Coaching",
  coachName = "Mara Lindner",
  name = "Sabine",
  signInUrl = "http://localhost:3000/login/bestaetigen?token=preview",
  validDays = 7,
}: ClientInvitationProps) {
  return (
    <EmailLayout preview="Dein persönlicher Bereich ist eingerichtet." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>Hallo {name},</Text>
      <Text style={paragraph}>
        schön, dass wir zusammen arbeiten. Ich habe dir einen persönlichen Bereich eingerichtet. Dort führst du dein
        Schmerztagebuch, siehst deine Termine und kannst den Selbsttest wiederholen. Was du dort einträgst, sehen nur du und ich.
      </Text>
      <Button href={signInUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Zu meinem Bereich
      </Button>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Der Link gilt {validDays} Tage und einmal. Danach meldest du dich jederzeit mit deiner E-Mail-Adresse an und bekommst einen
        neuen Link. {coachName}
      </Text>
    </EmailLayout>
  );
}
