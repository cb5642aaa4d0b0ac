import { LineChart } from "@/components/charts/LineChart";
import { Card } from "@/components/ui/Card";
import type { OutcomeCheckin } from "@/db/schema";
import { kindLabel } from "@/lib/outcomes/instruments";
import { baselineAndLatest } from "@/lib/outcomes/queries";
import { lowPainSince } from "@/lib/outcomes/scoring";
import { formatCalendarDate } from "@/lib/time/format";

const ROWS = [
  { key: "averagePain", label: "Schmerz im Durchschnitt" },
  { key: "worstPain", label: "Stärkster Schmerz" },
  { key: "interference", label: "Im Alltag ausgebremst" },
  { key: "damageBelief", label: "Glaube an einen Schaden" },
] as const;

/**
 * A client's check-ins: the baseline against the latest, the trend of average pain and of the
 * damage belief, and, in careful words, since when the average has stayed at 0–1 (never a
 * promise). Without `firstName` it speaks to the client; with it, to the coach about the client.
 */
export function OutcomeSummary({ checkins, firstName }: { checkins: OutcomeCheckin[]; firstName?: string }) {
  const { baseline, latest } = baselineAndLatest(checkins);
  const since = lowPainSince(checkins.map((c) => ({ date: c.localDate, averagePain: c.averagePain })));
  const own = firstName === undefined;
  if (!baseline || !latest)
    return <p className="text-muted">{own ? "Noch kein Check-in." : `${firstName} hat noch keinen Check-in gemacht.`}</p>;
  const fromBaseline = checkins.slice(checkins.indexOf(baseline));
  const labels = fromBaseline.map((c) => formatCalendarDate(c.localDate, "short"));
  const later = latest.id !== baseline.id;
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="mb-2 text-left text-muted">
            Ausgangswert vom {formatCalendarDate(baseline.localDate, "long")}
            {later ? ` und zuletzt am ${formatCalendarDate(latest.localDate, "long")}` : ""}, jeweils 0 bis 10
          </caption>
          <thead>
            <tr>
              <th scope="col">Frage</th>
              <th scope="col">Anfang</th>
              {later && <th scope="col">Jetzt</th>}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="font-normal">
                  {row.label}
                </th>
                <td className="font-semibold">{baseline[row.key]}</td>
                {later && <td className="font-semibold">{latest[row.key]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {since && later && (
        <p className="rounded-xl bg-accent-soft p-3">
          Seit dem {formatCalendarDate(since, "long")} liegt {own ? "dein" : "der"} Durchschnitt bei 0–1.
          {own ? " Schön, dass du das siehst. Und falls der Schmerz sich wieder meldet: Das nimmt dir diesen Weg nicht." : ""}
        </p>
      )}
      {fromBaseline.length >= 2 && (
        // relative + overflow-hidden: the chart's screen-reader table (sr-only, nowrap) would
        // otherwise widen a phone's page with these long series names.
        <Card className="relative flex flex-col gap-2 overflow-hidden">
          <LineChart
            title="Verlauf seit dem Ausgangswert"
            description="Ein Punkt pro Check-in, 0 bis 10"
            labels={labels}
            labelHeading="Check-in vom"
            series={[
              { name: "Schmerz im Durchschnitt", color: "#a12a2a", values: fromBaseline.map((c) => c.averagePain) },
              { name: "Glaube an einen Schaden", color: "#2f6b5e", values: fromBaseline.map((c) => c.damageBelief) },
            ]}
            yMin={0}
            yMax={10}
          />
        </Card>
      )}
      <details>
        <summary>Alle Check-ins ({checkins.length})</summary>
        <ul className="mt-2 flex flex-col gap-1">
          {checkins
            .slice()
            .reverse()
            .map((c) => (
              <li key={c.id}>
                {formatCalendarDate(c.localDate, "long")} ({kindLabel[c.kind] ?? c.kind}): Durchschnitt {c.averagePain}, stärkster{" "}
                {c.worstPain}, Alltag {c.interference}, Schaden {c.damageBelief}
              </li>
            ))}
        </ul>
      </details>
    </div>
  );
}
