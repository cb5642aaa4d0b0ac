import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ManageAppointment } from "@/components/booking/ManageAppointment";
import { ButtonLink, buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { cancelBookingAction, rescheduleBookingAction } from "@/lib/booking/actions";
import { selfService } from "@/lib/appointments/changes";
import { findForManagement } from "@/lib/appointments/consultations";
import { loadBookingSettings } from "@/lib/booking/availability";
import { getPracticeSettings } from "@/lib/settings/queries";
import { bookerWhen } from "@/lib/booking/booker-time";
import { isHttpsLink, placeOf } from "@/lib/booking/places";
import type { Appointment } from "@/db/schema";

export const metadata: Metadata = { title: "Dein Termin", robots: { index: false } };

type Search = { bestaetigt?: string; verschoben?: string; abgesagt?: string };

export default async function ManagePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const [{ token }, flags] = await Promise.all([params, searchParams]);
  const appointment = await findForManagement(token);
  if (!appointment) notFound();
  const [settings, practice] = await Promise.all([loadBookingSettings(), getPracticeSettings()]);
  const when = bookerWhen(appointment.startAt, settings.timeZone, appointment.visitorTimeZone);
  const changeable = selfService(appointment, settings).may;
  const cancelled = appointment.status === "cancelled";
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
        {!cancelled && <HowWeMeet channel={appointment.channel} place={placeOf(appointment, settings)} />}
        <p className="text-muted">
          Gebucht für {appointment.name} (<span className="break-all">{appointment.email}</span>)
        </p>
        {appointment.status === "confirmed" && (
          <p className="mt-3">
            {/* A download, not a page: the file has no link back to this page. */}
            <a href={`/termin/${token}/ics`} download className={buttonClass("secondary")}>
              In den Kalender eintragen (.ics)
            </a>
          </p>
        )}
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
          So kurz vor dem Termin lässt er sich hier nicht mehr ändern. Bitte schreib mir
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

/** How the consultation takes place: the link, the call, the address, or the promise to send the link. */
function HowWeMeet({ channel, place }: { channel: Appointment["channel"]; place: string | null }) {
  if (channel === "video")
    return place && isHttpsLink(place) ? (
      <p>
        Videogespräch. Hier geht es zum Gespräch:{" "}
        <a href={place} className="break-all">
          {place}
        </a>
      </p>
    ) : (
      <p>Videogespräch, den Link schicke ich dir vor dem Termin.</p>
    );
  if (channel === "phone") return <p>Telefongespräch, ich rufe dich an.{place ? ` Hinweis: ${place}` : ""}</p>;
  return <p>Wir treffen uns {place ? `hier: ${place}` : "in der Praxis"}.</p>;
}
