import type { Metadata } from "next";
import { CancelAppointment } from "@/components/booking/CancelAppointment";
import { ClientSessionDetails, appointmentTitle } from "@/components/sessions/ClientSessionDetails";
import { ButtonLink } from "@/components/ui/Button";
import type { Appointment } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { loadBookingSettings } from "@/lib/booking/availability";
import { cancelOwnAppointmentAction } from "@/lib/booking/client-actions";
import { selfService } from "@/lib/appointments/changes";
import { listForClient } from "@/lib/appointments/client";
import { formatAppointmentTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Deine Termine", robots: { index: false } };

const statusLabel: Partial<Record<Appointment["status"], string>> = {
  cancelled: "abgesagt",
  completed: "stattgefunden",
  no_show: "verpasst",
};

export default async function ClientAppointmentsPage() {
  const user = await requireRole("client", "/dashboard/termine");
  const [{ upcoming, past, now }, settings] = await Promise.all([listForClient(user.id), loadBookingSettings()]);
  const title = appointmentTitle;
  return (
    <div className="flex flex-col gap-8">
      <h1>Deine Termine</h1>
      <section aria-labelledby="kommend" className="flex flex-col gap-4">
        <h2 id="kommend">Anstehend</h2>
        {upcoming.length === 0 ? (
          <p>Gerade ist nichts geplant.</p>
        ) : (
          upcoming.map((a) => (
            <article key={a.id} aria-labelledby={`a-${a.id}`} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
              <h3 id={`a-${a.id}`} className="font-sans text-lg font-semibold">
                {title(a)}: {formatAppointmentTime(a.startAt, settings.timeZone)}
              </h3>
              <ClientSessionDetails appointment={a} />
              <div className="flex flex-wrap gap-3">
                <ButtonLink href={`/dashboard/termine/${a.id}/ics`} variant="secondary" prefetch={false}>
                  In den Kalender (.ics)
                </ButtonLink>
              </div>
              {selfService(a, settings, new Date(now)).may ? (
                <CancelAppointment action={cancelOwnAppointmentAction.bind(null, a.id)} />
              ) : (
                <p className="text-sm text-muted">Für kurzfristige Änderungen melde dich bitte direkt.</p>
              )}
            </article>
          ))
        )}
      </section>
      <section aria-labelledby="vergangen" className="flex flex-col gap-3">
        <h2 id="vergangen">Vergangen und abgesagt</h2>
        {past.length === 0 ? (
          <p>Noch keine.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {past.map((a) => (
              <li key={a.id} className="rounded-xl border border-line bg-surface p-3">
                {title(a)}: {formatAppointmentTime(a.startAt, settings.timeZone, { withZone: false })}
                {statusLabel[a.status] ? ` (${statusLabel[a.status]})` : ""}{" "}
                <a href={`/dashboard/termine/${a.id}/ics`} className="text-sm">
                  .ics
                </a>
                {a.homework && a.status !== "cancelled" && (
                  <p className="whitespace-pre-line text-sm">
                    <span className="font-medium">Deine Hausaufgabe:</span> {a.homework}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
