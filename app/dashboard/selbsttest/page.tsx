import type { Metadata } from "next";
import { LineChart } from "@/components/charts/LineChart";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { listSelfChecks } from "@/lib/checks/results";
import { bandText, changedSigns, scoreSelfCheck, signs, type Band, type SelfCheckAnswers, type SignId } from "@/lib/checks/self-check";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDate } from "@/lib/time/format";

export const metadata: Metadata = { title: "Dein Selbsttest", robots: { index: false } };

const question = (id: SignId) => signs.find((s) => s.id === id)?.question ?? id;

export default async function SelfCheckHistoryPage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const user = await requireRole("client", "/dashboard/selbsttest");
  const [results, params, { timeZone }] = await Promise.all([listSelfChecks(user.id), searchParams, getPracticeSettings()]);
  const scored = results.map((r) => ({ ...r, yes: scoreSelfCheck(r.answers as SelfCheckAnswers, r.version).yes }));
  const a = scored.find((r) => r.id === params.a) ?? scored.at(-2);
  const b = scored.find((r) => r.id === params.b) ?? scored.at(-1);
  const diff = a && b && a.id !== b.id ? changedSigns(a.yes, b.yes) : null;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Dein Selbsttest</h1>
        <ButtonLink href="/selbsttest">Test wiederholen</ButtonLink>
      </div>
      {scored.length === 0 ? (
        <p>Noch keine Ergebnisse. Mach den Test, dann siehst du hier deinen Verlauf.</p>
      ) : (
        <>
          {scored.length > 1 && (
            <Card>
              <LineChart
                title="Zutreffende Anzeichen im Verlauf"
                labels={scored.map((r) => formatDate(r.createdAt, timeZone))}
                series={[{ name: "Anzeichen (von 13)", color: "#2f6b5e", values: scored.map((r) => r.score) }]}
                yMin={0}
                yMax={13}
              />
            </Card>
          )}
          <section aria-labelledby="ergebnisse" className="flex flex-col gap-3">
            <h2 id="ergebnisse">Alle Ergebnisse</h2>
            <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
              <table className="w-full text-left">
                <caption className="sr-only">Deine Selbsttests</caption>
                <thead className="border-b border-line text-sm text-muted">
                  <tr>
                    <th scope="col" className="p-3">Datum</th>
                    <th scope="col" className="p-3">Anzeichen</th>
                    <th scope="col" className="p-3">Einordnung</th>
                  </tr>
                </thead>
                <tbody>
                  {scored
                    .slice()
                    .reverse()
                    .map((r) => (
                      <tr key={r.id} className="border-b border-line last:border-0">
                        <td className="p-3">{formatDate(r.createdAt, timeZone)}</td>
                        <td className="p-3">{r.score} von 13</td>
                        <td className="p-3">
                          {bandText[r.band as Band]?.title ?? r.band}
                          {r.redFlag && <span className="ml-2 text-sm text-warn">(Warnzeichen angegeben)</span>}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>
          {scored.length > 1 && (
            <section aria-labelledby="vergleich" className="flex flex-col gap-4">
              <h2 id="vergleich">Was sich verändert hat</h2>
              <form method="get" className="flex flex-wrap items-end gap-3">
                {(["a", "b"] as const).map((key) => (
                  <label key={key} className="flex flex-col gap-1 text-sm">
                    {key === "a" ? "Früheres Ergebnis" : "Späteres Ergebnis"}
                    <select name={key} defaultValue={(key === "a" ? a : b)?.id} className="min-h-11 rounded-lg border border-line bg-surface px-2 text-base">
                      {scored.map((r) => (
                        <option key={r.id} value={r.id}>
                          {formatDate(r.createdAt, timeZone)} ({r.score})
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                <Button type="submit" variant="secondary">
                  Vergleichen
                </Button>
              </form>
              {diff && (
                <div className="grid gap-4 md:grid-cols-2">
                  <Card aria-labelledby="weg">
                    <h3 id="weg" className="mb-2">
                      Trifft nicht mehr zu
                    </h3>
                    {diff.removed.length ? <ul className="list-disc pl-5">{diff.removed.map((id) => <li key={id}>{question(id)}</li>)}</ul> : <p className="text-muted">Nichts.</p>}
                  </Card>
                  <Card aria-labelledby="neu">
                    <h3 id="neu" className="mb-2">
                      Trifft neu zu
                    </h3>
                    {diff.added.length ? <ul className="list-disc pl-5">{diff.added.map((id) => <li key={id}>{question(id)}</li>)}</ul> : <p className="text-muted">Nichts.</p>}
                  </Card>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
