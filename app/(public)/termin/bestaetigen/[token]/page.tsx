import type { Metadata } from "next";
import { ButtonLink, Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { loadBookingSettings } from "@/lib/booking/availability";
import { confirmBookingAction } from "@/lib/booking/actions";
import { findForConfirmation } from "@/lib/appointments/consultations";
import { greetingName } from "@/lib/booking/greeting";
import { bookerWhen } from "@/lib/booking/booker-time";

export const metadata: Metadata = { title: "Termin bestätigen", robots: { index: false } };

export default async function ConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ ergebnis?: string }>;
}) {
  const [{ token }, { ergebnis }] = await Promise.all([params, searchParams]);
  const [appointment, settings] = await Promise.all([findForConfirmation(token), loadBookingSettings()]);
  const greeting = appointment ? greetingName(appointment.name) : null;
  const usable = appointment && (appointment.status === "pending" || appointment.status === "expired") && appointment.startAt > new Date();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1>Termin bestätigen</h1>
      {ergebnis === "gone" || !appointment || (!usable && appointment.status !== "confirmed") ? (
        <>
          <Notice tone="warn" title="Dieser Termin ist nicht mehr verfügbar">
            Der Link ist abgelaufen oder durch einen neueren ersetzt, oder die Zeit wurde inzwischen anderweitig vergeben. Hast du von mir
            eine neuere E-Mail bekommen, nimm deren Link. Sonst such dir gern einen neuen Termin aus.
          </Notice>
          <div>
            <ButtonLink href="/erstgespraech">Neuen Termin wählen</ButtonLink>
          </div>
        </>
      ) : appointment.status === "confirmed" ? (
        <>
          <Notice tone="success" title="Schon bestätigt">
            Dieser Termin ist bereits bestätigt. Du kannst ihn hier ansehen, in deinen Kalender eintragen, verschieben oder absagen.
          </Notice>
          <div>
            {/* The confirmation link opens the manage page once it has confirmed (lib/appointments/consultations.ts). */}
            <ButtonLink href={`/termin/${token}`}>Zu deinem Termin</ButtonLink>
          </div>
        </>
      ) : (
        <>
          <p>
            {/* Whoever opens this has confirmed nothing yet: only a plain name, as in the email (lib/booking/greeting.ts). */}
            {`${greeting ? `Hallo ${greeting}, bitte` : "Bitte"} bestätige dein kostenloses Erstgespräch am `}
            <strong>{bookerWhen(appointment.startAt, settings.timeZone, appointment.visitorTimeZone)}</strong>.
          </p>
          <form action={confirmBookingAction.bind(null, token)}>
            <Button type="submit">Ja, Termin bestätigen</Button>
          </form>
        </>
      )}
    </div>
  );
}
