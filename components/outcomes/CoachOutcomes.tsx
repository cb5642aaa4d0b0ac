import { Button } from "@/components/ui/Button";
import { openClientRecord } from "@/lib/clients/coach-view";
import { requestBaselineAction } from "@/lib/outcomes/actions";
import { scorePhq4 } from "@/lib/outcomes/scoring";
import { baselineRequested, listCheckins, markCheckinsSeen } from "@/lib/outcomes/queries";
import { formatCalendarDate } from "@/lib/time/format";
import { OutcomeSummary } from "./OutcomeSummary";
import { firstNameOf } from "@/lib/validation/first-name";

/**
 * The "Check-ins" part of the coach's client record. Opening it writes its own row to the
 * client's access log and counts as the coach having seen an elevated PHQ-4 (the agenda's flag ends).
 */
export async function CoachOutcomes({
  coach,
  client,
}: {
  coach: { id: string; name?: string | null; email?: string | null };
  client: { id: string; name: string | null; email: string };
}) {
  await openClientRecord(coach, client.id, "Check-ins");
  const [checkins, requested] = await Promise.all([listCheckins(client.id), baselineRequested(client.id)]);
  await markCheckinsSeen(client.id);
  const firstName = firstNameOf(client.name) ?? client.email;
  const latest = checkins.at(-1);
  const score = latest ? scorePhq4(latest) : null;
  return (
    <section aria-labelledby="checkins" className="flex flex-col gap-4">
      <h2 id="checkins">Check-ins</h2>
      {latest && score && (
        <p className={score.elevated ? "rounded-xl border border-warn/40 bg-warn-soft p-3" : "text-muted"}>
          PHQ-4 im letzten Check-in ({formatCalendarDate(latest.localDate, "long")}): {score.total} von 12 (PHQ-2 {score.phq2}, GAD-2{" "}
          {score.gad2})
          {score.elevated
            ? `. Ab 3 in einem Teil auffällig: ${firstName} hat den Hinweis bekommen, mit der Hausärztin oder dem Hausarzt zu sprechen. Ein Screening, keine Diagnose.`
            : "."}
        </p>
      )}
      <OutcomeSummary checkins={checkins} firstName={firstName} />
      <form action={requestBaselineAction} className="flex flex-col gap-2">
        <input type="hidden" name="clientId" value={client.id} />
        {requested ? (
          <p className="text-muted">
            Du hast um einen neuen Ausgangswert gebeten; {firstName} sieht die Einladung beim nächsten Besuch im eigenen Bereich.
          </p>
        ) : (
          <div>
            <Button type="submit" variant="secondary">
              Um einen neuen Ausgangswert bitten
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
