import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ArticleCard } from "@/components/articles/ArticleCard";
import { latestArticles } from "@/lib/articles/queries";
import { getPracticeSettings } from "@/lib/settings/queries";

// From the static cache: rendered on the first request, again when the coach changes an article or
// the practice's settings (path revalidation), at the latest after five minutes.
export const revalidate = 300;

export default async function HomePage() {
  const [settings, latest] = await Promise.all([getPracticeSettings(), latestArticles(3)]);
  return (
    <div className="flex flex-col gap-14">
      <section aria-labelledby="hero" className="flex max-w-3xl flex-col gap-6">
        <h1 id="hero">Dein Rücken tut seit Langem weh, und kein Befund erklärt es?</h1>
        <p className="text-xl text-muted">
          Dann bist du nicht allein, und du bildest dir nichts ein. Oft hat das Nervensystem gelernt, Schmerz zu erzeugen, lange nachdem das
          Gewebe geheilt ist. Was gelernt wurde, kann auch wieder verlernt werden.
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/selbsttest">Selbsttest machen</ButtonLink>
          <ButtonLink href="/erstgespraech" variant="secondary">
            Kostenloses Erstgespräch
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="fakten" className="flex flex-col gap-6">
        <h2 id="fakten">Was die Forschung zeigt</h2>
        <ul className="grid gap-4 md:grid-cols-3">
          <li>
            <Card className="h-full">
              <p className="font-serif text-3xl font-semibold text-accent">85 %</p>
              <p>der chronischen Rückenschmerzen gelten als unspezifisch: Kein Befund im Bild erklärt sie.</p>
            </Card>
          </li>
          <li>
            <Card className="h-full">
              <p className="font-serif text-3xl font-semibold text-accent">80 %</p>
              <p>
                der schmerzfreien Fünfzigjährigen haben im MRT Bandscheiben&shy;verschleiß. Ein Befund ist oft normales Altern, kein
                Schaden.
              </p>
            </Card>
          </li>
          <li>
            <Card className="h-full">
              <p className="font-serif text-3xl font-semibold text-accent">66 %</p>
              <p>
                waren in einer randomisierten Studie nach vier Wochen Pain Reprocessing Therapy schmerzfrei oder fast schmerzfrei (Placebo:
                20 %, übliche Behandlung: 10 %).
              </p>
            </Card>
          </li>
        </ul>
        <p className="text-sm text-muted">
          Quellen: Brinjikji et al. 2015, American Journal of Neuroradiology; Ashar et al. 2021, JAMA Psychiatry.
        </p>
      </section>

      {latest.length > 0 && (
        <section aria-labelledby="neu" className="flex flex-col gap-6">
          <h2 id="neu">Neu im Blog</h2>
          <div className="grid gap-4 lg:grid-cols-3">
            {latest.map((article) => (
              <ArticleCard key={article.id} article={article} headingLevel={3} timeZone={settings.timeZone} />
            ))}
          </div>
          <p>
            <Link href="/artikel">Alle Artikel</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="weg" className="flex max-w-3xl flex-col gap-4">
        <h2 id="weg">So arbeiten wir zusammen</h2>
        <ol className="flex list-decimal flex-col gap-2 pl-6">
          <li>Du machst den Selbsttest und schaust, ob das Muster zu dir passen könnte.</li>
          <li>Im kostenlosen Erstgespräch lernen wir uns kennen, ohne Verpflichtung und ohne Verkaufsgespräch.</li>
          <li>
            Wenn es passt, begleite ich dich über einige Wochen. Du führst ein Schmerztagebuch und wir schauen gemeinsam auf das Muster
            hinter dem Schmerz.
          </li>
        </ol>
        <p>
          {settings.coachName ? `${settings.coachName}, ` : ""}
          {settings.practiceName}
        </p>
      </section>
    </div>
  );
}
