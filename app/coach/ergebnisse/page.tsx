import type { Metadata } from "next";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { requireRole } from "@/lib/auth/guards";
import { MIN_CLIENTS, practiceOutcomes } from "@/lib/outcomes/aggregate";
import { baselineLatestPairs } from "@/lib/outcomes/queries";

export const metadata: Metadata = { title: "Ergebnisse der Praxis", robots: { index: false } };

const percent = (share: number) => `${Math.round(share * 100)} %`;
const points = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toLocaleString("de-DE", { maximumFractionDigits: 1 })}`;

/**
 * The practice's outcomes over every client with a baseline and a later check-in. Aggregates show
 * no individual data, so this page writes no access-log row (and says so).
 */
export default async function PracticeOutcomesPage() {
  await requireRole("coach", "/coach/ergebnisse");
  const outcomes = practiceOutcomes(await baselineLatestPairs());
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1>Ergebnisse der Praxis</h1>
        <p className="text-muted">
          Über alle Klient*innen mit einem Ausgangswert und mindestens einem späteren Check-in: der Schmerz im Durchschnitt der letzten 7
          Tage, beim Ausgangswert und im letzten Check-in.
        </p>
      </div>
      {outcomes.shown ? (
        <>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Figure term="Klient*innen (n)" value={String(outcomes.n)} note="mit Ausgangswert und späterem Check-in" />
            <Figure
              term="Zuletzt bei 0–1"
              value={percent(outcomes.lowPainShare)}
              note="schmerzfrei oder fast schmerzfrei, wie in der Boulder-Studie gezählt"
            />
            <Figure
              term="Median der Veränderung"
              value={`${points(outcomes.medianChange)} Punkte`}
              note="letzter Check-in minus Ausgangswert, 0–10"
            />
            <Figure
              term="Mindestens 30 % weniger"
              value={percent(outcomes.reduced30Share)}
              note="moderat bedeutsame Veränderung (IMMPACT)"
            />
            <Figure
              term="Mindestens 50 % weniger"
              value={percent(outcomes.reduced50Share)}
              note="deutlich bedeutsame Veränderung (IMMPACT)"
            />
          </dl>
          <Notice tone="warn" title={`Kleine Zahlen (n = ${outcomes.n})`}>
            Bei so wenigen Menschen verschiebt eine einzelne Person jeden Anteil um viele Prozentpunkte. Wer einen Check-in ausgelassen hat
            oder aufgehört hat, fehlt hier, und das sind oft nicht die, denen es besser geht. Lies die Zahlen als grobe Richtung, nicht als
            Wirkung.
          </Notice>
        </>
      ) : (
        <Notice title={`Noch zu wenige für Zahlen (n = ${outcomes.n})`}>
          Zahlen erscheinen erst ab {MIN_CLIENTS} Klient*innen mit Ausgangswert und späterem Check-in. Bei weniger Menschen ließe sich aus
          jedem Anteil fast ablesen, wie es einer bestimmten Person geht, und die Zahlen wären zu zufällig, um etwas zu sagen.
        </Notice>
      )}
      <Card className="flex flex-col gap-2 text-sm">
        <p>
          Diese Übersicht zeigt nur zusammengefasste Zahlen und keine Angaben einzelner Personen. Deshalb wird ihr Aufruf nicht im
          Zugriffsprotokoll deiner Klient*innen vermerkt.
        </p>
        <p>
          Die Zahlen sind für deine eigene Reflexion gedacht, nicht für Werbung: Das Heilmittelwerbegesetz (HWG) setzt Werbung mit
          Erfolgsaussagen im Gesundheitsbereich enge Grenzen.
        </p>
      </Card>
    </div>
  );
}

function Figure({ term, value, note }: { term: string; value: string; note: string }) {
  return (
    <div className="rounded-2xl border border-line bg-surface p-4">
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="font-serif text-2xl font-semibold">{value}</dd>
      <dd className="text-sm text-muted">{note}</dd>
    </div>
  );
}
