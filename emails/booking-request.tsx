import { Button, Text } from "@react-email/components";
import { colors, EmailLayout, paragraph } from "./email-layout";

export type BookingRequestEmailProps = {
  practiceName: string;
  /** Only a plain name, or null to greet without one: the address has confirmed nothing yet (lib/booking/greeting.ts). */
  name: string | null;
  when: string;
  confirmUrl: string;
  /** How long the slot is still held, in words: "30 Minuten". */
  validFor: string;
};

export const bookingRequestSubject = "Bitte bestätige dein Erstgespräch";

/** To the visitor right after booking: one click confirms; until then the time is held. */
export default function BookingRequestEmail({
  practiceName = "Rückenwind Coaching",
  name = "Sabine",
  when = "Dienstag, 1. Dezember 2026, 10:00 Uhr (Europe/Berlin)",
  confirmUrl = "http://localhost:3000/termin/bestaetigen/preview",
  validFor = "30 Minuten",
}: BookingRequestEmailProps) {
  return (
    <EmailLayout preview="Ein Klick, dann steht dein Termin." practiceName={practiceName}>
      <Text style={{ ...paragraph, fontSize: 20 }}>{name ? `Hallo ${name},` : "Hallo,"}</Text>
      <Text style={paragraph}>
        schön, dass du dir Zeit für ein Erstgespräch nimmst. Ich halte dir diesen Termin frei:
      </Text>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{when}</Text>
      <Text style={paragraph}>
        Bitte bestätige ihn innerhalb von {validFor}. Danach gebe ich
        die Zeit wieder frei.
      </Text>
      <Button href={confirmUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", padding: "12px 20px", borderRadius: 8 }}>
        Termin bestätigen
      </Button>
      <Text style={{ ...paragraph, marginTop: 24, fontSize: 14, color: colors.muted }}>
        Du hast nichts gebucht? Dann ignoriere diese E-Mail einfach, der Termin verfällt von selbst.
      </Text>
    </EmailLayout>
  );
}
