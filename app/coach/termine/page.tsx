import type { Metadata } from "next";
import { channelName } from "@/lib/appointments/channels";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import type { Appointment } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { ConsultationPlaceForm } from "@/components/booking/ConsultationPlaceForm";
import { loadBookingSettings } from "@/lib/booking/availability";
import { consultationAction, setConsultationPlaceAction } from "@/lib/booking/coach-actions";
import { defaultPlace, type PlaceDefaults } from "@/lib/booking/places";
import { listConsultations } from "@/lib/booking/coach";
import { consultationDone, consultationFailed, noticeFor } from "@/lib/booking/consultation-notices";
import { bandText, redFlags, signs, type Band } from "@/lib/checks/self-check";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatAppointmentTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Erstgespräche", robots: { index: false } };

const statusLabel: Record<Appointment["status"], string> = {
  pending: "Wartet auf Bestätigung",
  confirmed: "Bestätigt",
  cancelled: "Abgesagt",
  expired: "Verfallen",
  completed: "Stattgefunden",
  no_show: "Nicht erschienen",
};

/** The self-check the visitor chose to send along: score, band and any red flag first. */
function AttachedSelfCheckSummary({ result }: { result: NonNullable<Appointment["selfCheck"]> }) {
  const yes = signs.filter((s) => result.answers.signs[s.id]);
  const flags = redFlags.filter((f) => result.answers.redFlags[f.id]);
  return (
    <details className="rounded-lg bg-paper p-3">
      <summary className="cursor-pointer">
        Selbsttest mitgeschickt: {result.score} von {signs.length} Anzeichen ({bandText[result.band as Band]?.title ?? result.band})
        {result.redFlag && <strong className="text-danger"> · Warnzeichen angegeben</strong>}
      </summary>
      {flags.length > 0 && <p className="pt-2 text-danger">Warnzeichen: {flags.map((f) => f.question).join(" · ")}</p>}
      {yes.length > 0 && (
        <ul className="list-disc pt-2 pl-5 text-sm">
          {yes.map((s) => (
            <li key={s.id}>{s.question}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ConsultationCard({ a, timeZone, now, places }: { a: Appointment; timeZone: string; now: number; places: PlaceDefaults }) {
  const started = a.startAt.getTime() <= now;
  return (
    <article aria-labelledby={`t-${a.id}`} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
      <h3 id={`t-${a.id}`} className="font-sans text-lg font-semibold">
        {a.name} · {formatAppointmentTime(a.startAt, timeZone, { withZone: false })}
      </h3>
      <p className="text-sm">
        <span className="rounded-full bg-accent-soft px-2 py-0.5 text-accent-strong">{statusLabel[a.status]}</span> ·{" "}
        {channelName[a.channel]} · <a href={`mailto:${a.email}`}>{a.email}</a>
        {a.phone ? ` · ${a.phone}` : ""}
      </p>
      {a.message && <p className="whitespace-pre-line rounded-lg bg-paper p-3">{a.message}</p>}
      {a.selfCheck && <AttachedSelfCheckSummary result={a.selfCheck} />}
      {a.cancelReason && <p className="text-muted">Grund der Absage: {a.cancelReason}</p>}
      {(a.status === "pending" || a.status === "confirmed") && !started && (
        <ConsultationPlaceForm
          action={setConsultationPlaceAction.bind(null, a.id)}
          channel={a.channel}
          value={a.location ?? ""}
          fallback={defaultPlace(a.channel, places)}
        />
      )}
      <div className="flex flex-wrap items-end gap-3">
        {(a.status === "pending" || a.status === "confirmed") && !started && (
          <form action={consultationAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="id" value={a.id} />
            <input type="hidden" name="intent" value="cancel" />
            <label className="flex flex-col gap-1 text-sm">
              Grund (geht an die Person)
              <input name="reason" maxLength={500} className="min-h-11 rounded-lg border border-line bg-surface px-3 text-base" />
            </label>
            <Button type="submit" variant="secondary">
              Absagen
            </Button>
          </form>
        )}
        {a.status === "confirmed" && started && (
          <form action={consultationAction} className="flex gap-2">
            <input type="hidden" name="id" value={a.id} />
            <Button type="submit" name="intent" value="completed" variant="secondary">
              Stattgefunden
            </Button>
            <Button type="submit" name="intent" value="no_show" variant="quiet">
              Nicht erschienen
            </Button>
          </form>
        )}
        {(a.status === "confirmed" || a.status === "completed") && (
          // Asked once more: it creates an account and sends an email that cannot be taken back.
          <Dialog
            trigger={a.clientId ? "Einladung erneut senden …" : "Als Klient*in aufnehmen …"}
            title={a.clientId ? `Einladung an ${a.name} erneut senden?` : `${a.name} als Klient*in aufnehmen?`}
            triggerVariant="primary"
          >
            <p className="mb-4">
              {a.clientId
                ? `${a.name} bekommt eine neue Einladung an ${a.email}; der Link der alten gilt dann nicht mehr.`
                : `Ich lege ein Konto für ${a.name} an und schicke eine Einladung an ${a.email}. Mit dem Link darin meldet ${a.name} sich im Klientenbereich an.`}
            </p>
            <form action={consultationAction}>
              <input type="hidden" name="id" value={a.id} />
              <Button type="submit" name="intent" value="convert">
                {a.clientId ? "Ja, Einladung senden" : "Ja, aufnehmen und einladen"}
              </Button>
            </form>
          </Dialog>
        )}
      </div>
    </article>
  );
}

export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<{ ok?: string; fehler?: string }> }) {
  await requireRole("coach", "/coach/termine");
  const [{ upcoming, past, now }, settings, places, params] = await Promise.all([
    listConsultations(),
    getPracticeSettings(),
    loadBookingSettings(),
    searchParams,
  ]);
  const done = noticeFor(consultationDone, params.ok);
  const failed = noticeFor(consultationFailed, params.fehler);
  return (
    <div className="flex flex-col gap-8">
      <h1>Erstgespräche</h1>
      {done && (
        <Notice tone="success" role="status">
          {done}
        </Notice>
      )}
      {failed && (
        <Notice tone="danger" role="alert">
          {failed}
        </Notice>
      )}
      <section aria-labelledby="kommend" className="flex flex-col gap-4">
        <h2 id="kommend">Anstehend</h2>
        {upcoming.length === 0 ? (
          <p>Keine anstehenden Erstgespräche.</p>
        ) : (
          upcoming.map((a) => <ConsultationCard key={a.id} a={a} timeZone={settings.timeZone} now={now} places={places} />)
        )}
      </section>
      <section aria-labelledby="vergangen" className="flex flex-col gap-4">
        <h2 id="vergangen">Vergangen und abgesagt</h2>
        {past.length === 0 ? (
          <p>Noch nichts.</p>
        ) : (
          past.map((a) => <ConsultationCard key={a.id} a={a} timeZone={settings.timeZone} now={now} places={places} />)
        )}
      </section>
    </div>
  );
}
