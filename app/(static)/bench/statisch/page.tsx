import type { Metadata } from "next";

export const metadata: Metadata = { title: "Statische Seite", robots: { index: false, follow: false } };
// Built once and served from the static cache like an article, but without a database: the
// "static page" ceiling that `npm run bench` measures the article pages against.
export const dynamic = "force-static";

export default function BenchStaticPage() {
  return (
    <article className="prose-calm">
      <h1>Statische Seite</h1>
      <p>Diese Seite wird beim Build erzeugt und liest weder Datenbank noch Cookies. Sie dient als Vergleichswert für Lasttests.</p>
    </article>
  );
}
