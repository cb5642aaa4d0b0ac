import { renderMarkdown } from "@/lib/articles/markdown";
import { ActionButtons } from "@/components/ui/ActionButtons";
import { billFeeAction } from "@/lib/cancellation-policy/actions";
import { feeStatesFor, type FeeState } from "@/lib/cancellation-policy/fees";
import { feeButtonLabel } from "@/lib/cancellation-policy/offer";
import {
  cancelSessionAction,
  recordSessionOutcomeAction,
  rescheduleSessionAction,
  saveSessionRecordAction,
  scheduleSessionAction,
} from "@/lib/sessions/actions";
import { channelText } from "@/lib/appointments/channels";
import { listActiveSessionTypes, listSessionsForCoach, type CoachSessionView } from "@/lib/sessions/queries";
import { formatAppointmentTime } from "@/lib/time/format";
import { practiceClock } from "@/lib/time/zone";
import { ScheduleSessionForm } from "./ScheduleSessionForm";
import { SessionChangeForms } from "./SessionChangeForms";
import { SessionRecordForm } from "./SessionRecordForm";
import { firstNameOf } from "@/lib/validation/first-name";

const statusLabel: Record<string, string> = {
  cancelled: "abgesagt",
  completed: "stattgefunden",
  no_show: "nicht erschienen",
  confirmed: "geplant",
};

/** The "Sitzungen" part of the coach's client record: schedule, move, cancel, notes. Coach pages only. */
export async function CoachSessions({
  client,
  timeZone,
}: {
  client: { id: string; name: string | null; email: string };
  timeZone: string;
}) {
  const [{ upcoming, past, now }, types] = await Promise.all([listSessionsForCoach(client.id), listActiveSessionTypes()]);
  const fees = await feeStatesFor(client.id, past);
  const firstName = firstNameOf(client.name) ?? client.email;
  return (
    <section aria-labelledby="sitzungen" className="flex flex-col gap-6">
      <h2 id="sitzungen">Sitzungen</h2>
      <section aria-labelledby="neue-sitzung" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
        <h3 id="neue-sitzung" className="font-sans text-lg font-semibold">
          Neue Sitzung eintragen
        </h3>
        {types.length === 0 ? (
          <p className="text-muted">Es gibt noch keine aktive Sitzungsart.</p>
        ) : (
          <ScheduleSessionForm
            action={scheduleSessionAction.bind(null, client.id)}
            types={types.map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes, defaultLocation: t.defaultLocation }))}
            firstName={firstName}
          />
        )}
      </section>
      <section aria-labelledby="sitzungen-kommend" className="flex flex-col gap-3">
        <h3 id="sitzungen-kommend">Anstehend</h3>
        {upcoming.length === 0 ? (
          <p className="text-muted">Keine Sitzung geplant.</p>
        ) : (
          upcoming.map((s) => (
            <SessionItem key={s.id} session={s} clientId={client.id} firstName={firstName} timeZone={timeZone} upcoming />
          ))
        )}
      </section>
      <section aria-labelledby="sitzungen-vergangen" className="flex flex-col gap-3">
        <h3 id="sitzungen-vergangen">Vergangen und abgesagt</h3>
        {past.length === 0 ? (
          <p className="text-muted">Noch keine.</p>
        ) : (
          past.map((s) => (
            <SessionItem
              key={s.id}
              session={s}
              clientId={client.id}
              firstName={firstName}
              timeZone={timeZone}
              fee={fees.get(s.id) ?? null}
              begun={s.startAt.getTime() <= now}
            />
          ))
        )}
      </section>
    </section>
  );
}

async function SessionItem({
  session: s,
  clientId,
  firstName,
  timeZone,
  upcoming = false,
  fee = null,
  begun = false,
}: {
  session: CoachSessionView;
  clientId: string;
  firstName: string;
  timeZone: string;
  upcoming?: boolean;
  fee?: FeeState;
  begun?: boolean;
}) {
  const notesHtml = s.notes.trim() ? (await renderMarkdown(s.notes)).html : null;
  const clock = practiceClock(s.startAt, timeZone);
  return (
    <article aria-labelledby={`s-${s.id}`} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
      <h4 id={`s-${s.id}`} className="font-sans text-base font-semibold">
        {s.typeName ?? "Coaching"}: {formatAppointmentTime(s.startAt, timeZone, { withZone: false })}
        {s.status !== "confirmed" || !upcoming ? (
          <span className="font-normal text-muted"> ({statusLabel[s.status] ?? s.status})</span>
        ) : null}
      </h4>
      <p>
        {channelText[s.channel]}
        {s.location ? `: ${s.location}` : ""}
      </p>
      {s.noteToClient && (
        <p className="whitespace-pre-line">
          Notiz an {firstName}: {s.noteToClient}
        </p>
      )}
      {s.cancelReason && <p className="text-muted">Grund der Absage: {s.cancelReason}</p>}
      {s.status === "cancelled" && s.cancelledBy === "client" && s.cancelledAt && (
        <p className="text-muted">
          {firstName} hat abgesagt: {formatAppointmentTime(s.cancelledAt, timeZone, { withZone: false })}
        </p>
      )}
      {upcoming && (
        <SessionChangeForms
          reschedule={rescheduleSessionAction.bind(null, clientId, s.id)}
          cancel={cancelSessionAction.bind(null, clientId, s.id)}
          date={clock.date}
          time={clock.time}
          firstName={firstName}
        />
      )}
      {!upcoming && begun && s.status === "confirmed" && (
        <ActionButtons
          action={recordSessionOutcomeAction.bind(null, clientId, s.id)}
          buttons={[
            { label: "Stattgefunden", name: "outcome", value: "completed" },
            { label: "Nicht erschienen", name: "outcome", value: "no_show", variant: "quiet" },
          ]}
        />
      )}
      {fee && "billed" in fee && <p>{feeButtonLabel(fee.billed).replace(" berechnen", "")}: berechnet.</p>}
      {fee && "offer" in fee && (
        <ActionButtons action={billFeeAction.bind(null, clientId, s.id)} buttons={[{ label: feeButtonLabel(fee.offer) }]} once />
      )}
      {notesHtml && (
        <details>
          <summary className="cursor-pointer">Notizen ansehen</summary>
          <div className="prose-calm mt-2" dangerouslySetInnerHTML={{ __html: notesHtml }} />
        </details>
      )}
      <details>
        <summary className="cursor-pointer">Notizen und Hausaufgabe bearbeiten</summary>
        <div className="mt-3">
          <SessionRecordForm
            action={saveSessionRecordAction.bind(null, clientId, s.id)}
            notes={s.notes}
            homework={s.homework ?? ""}
            firstName={firstName}
          />
        </div>
      </details>
    </article>
  );
}
