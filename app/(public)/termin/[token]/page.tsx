import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ManageAppointment } from "@/components/booking/ManageAppointment";
import { ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { cancelBookingAction, rescheduleBookingAction } from "@/lib/booking/actions";
import { selfService } from "@/lib/appointments/changes";
import { findForManagement } from "@/lib/appointments/consultations";
import { loadBookingSettings } from "@/lib/booking/availability";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatAppointmentTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Dein Termin", robots: { index: false } };

type Search = { bestaetigt?: string; verschoben?: string; abgesagt?: string };

export default async function ManagePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const [{ token }, flags] = await Promise.all([params, searchParams]);
  const appointment = await findForManagement(token);
  if (!appointment) notFound();
  const [settings, practice] = await Promise.all([loadBookingSettings(), getPracticeSettings()]);
  const when = formatAppointmentTime(appointment.startAt, settings.timeZone);
  const changeable = selfService(appointment, settings).may;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1>Dein Erstgespräch</h1>
      {flags.bestaetigt && (
        <Notice role="status" tone="success" title="Bestätigt!">
          Die Einladung für deinen Kalender ist per E-Mail unterwegs.
        </Notice>
      )}
      {flags.verschoben && (
        <Notice role="status" tone="success" title="Verschoben">
          Du bekommst eine aktualisierte Einladung per E-Mail.
        </Notice>
      )}
      {flags.abgesagt && (
        <Notice role="status" tone="success" title="Abgesagt">
          Schade, dass es nicht klappt. Du bekommst eine Bestätigung per E-Mail.
        </Notice>
      )}
      <Card aria-labelledby="details">
        <h2 id="details" className="mb-2 text-xl">
          {appointment.status === "cancelled" ? "Abgesagter Termin" : "Termin"}
        </h2>
        <p className={appointment.status === "cancelled" ? "line-through" : "font-semibold"}>{when}</p>
        <p>
          {appointment.channel === "video" ? "Videogespräch, den Link bekommst du vor dem Termin." : "Telefongespräch, wir rufen dich an."}
        </p>
        <p className="text-muted">
          Gebucht für {appointment.name} ({appointment.email})
        </p>
      </Card>
      {appointment.status === "cancelled" ? (
        <div>
          <ButtonLink href="/erstgespraech">Neuen Termin buchen</ButtonLink>
        </div>
      ) : changeable ? (
        <ManageAppointment
          cancel={cancelBookingAction.bind(null, token)}
          reschedule={rescheduleBookingAction.bind(null, token)}
          practiceTimeZone={settings.timeZone}
          horizonDays={settings.horizonDays}
        />
      ) : appointment.status === "confirmed" ? (
        <Notice title="Kurzfristige Änderungen">
          So kurz vor dem Termin lässt er sich hier nicht mehr ändern. Bitte schreib uns
          {practice.email ? (
            <>
              {" "}
              an <a href={`mailto:${practice.email}`}>{practice.email}</a>
            </>
          ) : null}
          {practice.phone ? ` oder ruf an: ${practice.phone}` : ""}.
        </Notice>
      ) : null}
    </div>
  );
}
