import { AssignExerciseForm } from "@/components/practice/AssignExerciseForm";
import { FeedbackForm } from "@/components/practice/FeedbackForm";
import { PracticeLogList } from "@/components/practice/PracticeLogList";
import { Button } from "@/components/ui/Button";
import { practiceFrequencies } from "@/db/schema";
import type { Shift } from "@/lib/practice/adherence";
import { assignExerciseAction, endAssignmentAction, sendFeedbackAction } from "@/lib/practice/actions";
import { listExercises } from "@/lib/practice/exercises";
import { coachPracticeView } from "@/lib/practice/logs";
import { frequencyLabel } from "@/lib/practice/schemas";
import type { RecordSectionProps } from "@/components/clients/record-section";
import { formatCalendarDate } from "@/lib/time/format";
import { firstNameOf } from "@/lib/validation/first-name";

const frequencies = practiceFrequencies.map((f) => ({ value: f, label: frequencyLabel[f] }));
const one = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

function ShiftText({ shift }: { shift: Shift }) {
  return (
    <>
      Angst {one.format(shift.fearBefore)} → {one.format(shift.fearAfter)}, Stärke {one.format(shift.intensityBefore)} →{" "}
      {one.format(shift.intensityAfter)} (Mittel aus {shift.n} {shift.n === 1 ? "Übung" : "Übungen"}).{" "}
      {shift.fearFallsFirst
        ? `Die Angst sinkt deutlicher als die Stärke (in ${shift.fearFellMore} von ${shift.n}).`
        : "Die Angst sinkt bisher nicht deutlicher als die Stärke."}
    </>
  );
}

/**
 * The "Übungen" part of the coach's client record: give homework, end it, adherence per week,
 * how fear and intensity shift during practice, and feedback on each practice. Reading it writes
 * its own row in the client's access log (coachPracticeView).
 */
export async function CoachPractice({ coach, client, today }: RecordSectionProps) {
  const [view, library] = await Promise.all([coachPracticeView(coach, client.id, today), listExercises()]);
  const firstName = firstNameOf(client.name) ?? client.email;
  const running = view.assignments.filter((a) => a.endedOn === null || a.endedOn > today);
  const ended = view.assignments.filter((a) => !running.includes(a));
  return (
    <section aria-labelledby="uebungen" className="flex flex-col gap-6">
      <h2 id="uebungen">Übungen</h2>
      <section aria-labelledby="hausaufgabe-neu" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
        <h3 id="hausaufgabe-neu" className="font-sans text-lg font-semibold">
          Hausaufgabe geben
        </h3>
        <AssignExerciseForm
          action={assignExerciseAction.bind(null, client.id)}
          exercises={library.map((e) => ({ id: e.id, title: e.title }))}
          frequencies={frequencies}
        />
      </section>
      <section aria-labelledby="hausaufgaben" className="flex flex-col gap-3">
        <h3 id="hausaufgaben">Hausaufgaben und wie oft geübt</h3>
        {view.assignments.length === 0 && <p className="text-muted">Noch keine Hausaufgabe.</p>}
        {[...running, ...ended].map((a) => (
          <article key={a.id} aria-labelledby={`h-${a.id}`} className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4">
            <h4 id={`h-${a.id}`} className="font-sans text-base font-semibold">
              {a.title}: {frequencyLabel[a.frequency]}
              <span className="font-normal text-muted">
                {" "}
                (seit {formatCalendarDate(a.startsOn, "long")}
                {a.endedOn && a.endedOn <= today ? `, beendet am ${formatCalendarDate(a.endedOn, "long")}` : ""})
              </span>
            </h4>
            {a.note && <p className="text-muted">{a.note}</p>}
            <table className="w-full max-w-md text-left [&_td]:px-2 [&_td]:text-right [&_th]:py-0.5 [&_th]:pr-2">
              <caption className="sr-only">Geübt je Woche: {a.title}</caption>
              <thead>
                <tr className="text-sm text-muted">
                  <th scope="col">Woche ab</th>
                  <th scope="col" className="text-right">
                    geübt
                  </th>
                  <th scope="col" className="text-right">
                    erwartet
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.weeks.map((w) => (
                  <tr key={w.monday}>
                    <th scope="row" className="font-normal">
                      {formatCalendarDate(w.monday, "short")}
                      {w.current ? " (läuft)" : ""}
                    </th>
                    <td>{w.done}</td>
                    <td>{w.expected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {running.includes(a) && (
              <form action={endAssignmentAction}>
                <input type="hidden" name="clientId" value={client.id} />
                <input type="hidden" name="assignmentId" value={a.id} />
                <Button type="submit" variant="quiet" className="!px-0">
                  Hausaufgabe beenden
                </Button>
              </form>
            )}
          </article>
        ))}
      </section>
      <section aria-labelledby="verschiebung" className="flex flex-col gap-2">
        <h3 id="verschiebung">Angst und Stärke während des Übens (letzte 12 Wochen)</h3>
        {view.shift ? (
          <>
            <p>
              Insgesamt: <ShiftText shift={view.shift} />
            </p>
            {view.byExercise.length > 1 && (
              <ul className="flex list-disc flex-col gap-1 pl-5">
                {view.byExercise.map((e) => (
                  <li key={e.title}>
                    {e.title}: <ShiftText shift={e.shift} />
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="text-muted">Noch keine Übung eingetragen.</p>
        )}
      </section>
      <section aria-labelledby="protokolle" className="flex flex-col gap-3">
        <h3 id="protokolle">Eingetragene Übungen</h3>
        <PracticeLogList
          logs={view.logs}
          showTitle
          coachName="dir"
          extra={(log) => (
            <details>
              <summary className="cursor-pointer">{log.feedback ? "Rückmeldung ändern" : "Rückmeldung geben"}</summary>
              <div className="mt-2">
                <FeedbackForm action={sendFeedbackAction.bind(null, client.id, log.id)} feedback={log.feedback} firstName={firstName} />
              </div>
            </details>
          )}
        />
      </section>
    </section>
  );
}
