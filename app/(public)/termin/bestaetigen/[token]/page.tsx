import type { Metadata } from "next";
import { ButtonLink, Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { loadBookingSettings } from "@/lib/booking/availability";
import { confirmBookingAction } from "@/lib/booking/actions";
import { findForConfirmation } from "@/lib/booking/appointments";
import { formatAppointmentTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Termin bestätigen", robots: { index: false } };

export default async function ConfirmPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ ergebnis?: string }> }) {
  const [{ token }, { ergebnis }] = await Promise.all([params, searchParams]);
  const [appointment, settings] = await Promise.all([findForConfirmation(token), loadBookingSettings()]);
  const usable = appointment && (appointment.status === "pending" || appointment.status === "expired") && appointment.startAt > new Date();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1>Termin bestätigen</h1>
      {ergebnis === "gone" || !appointment || (!usable && appointment.status !== "confirmed") ? (
        <>
          <Notice tone="warn" title="Dieser Termin ist nicht mehr verfügbar">
            Der Link ist abgelaufen, oder die Zeit wurde inzwischen anderweitig vergeben. Such dir gern einen neuen Termin aus.
          </Notice>
          <div>
            <ButtonLink href="/erstgespraech">Neuen Termin wählen</ButtonLink>
          </div>
        </>
      ) : appointment.status === "confirmed" ? (
        <Notice tone="success" title="Schon bestätigt">
          Dieser Termin ist bereits bestätigt. Alle Details stehen in der Bestätigungs-E-Mail.
        </Notice>
      ) : (
        <>
          <p>
            Hallo {appointment.name.split(" ")[0]}, bitte bestätige dein kostenloses Erstgespräch am{" "}
            <strong>{formatAppointmentTime(appointment.startAt, settings.timeZone)}</strong>.
          </p>
          <form action={confirmBookingAction.bind(null, token)}>
            <Button type="submit">Ja, Termin bestätigen</Button>
          </form>
        </>
      )}
    </div>
  );
}
