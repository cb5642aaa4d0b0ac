import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/articles/ArticleView";
import { Notice } from "@/components/ui/Notice";
import { articleImages, coverImage } from "@/lib/articles/article-images";
import { renderMarkdown } from "@/lib/articles/markdown";
import { getArticleForCoach } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { siteOrigin } from "@/lib/site-url";

export const metadata: Metadata = { title: "Vorschau", robots: { index: false } };

/** A draft as readers would see it; only the coach gets here (drafts are 404 on the public page). */
export default async function ArticlePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole("coach", `/coach/artikel/${id}/vorschau`);
  const article = await getArticleForCoach(id);
  if (!article) notFound();
  const images = await articleImages(article);
  const [rendered, settings] = await Promise.all([
    renderMarkdown(article.body, { siteOrigin: await siteOrigin(), images }),
    getPracticeSettings(),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <Notice tone="warn" title={article.status === "draft" ? "Entwurf: nur für dich sichtbar" : "Vorschau"}>
        <Link href={`/coach/artikel/${article.id}`}>Zurück zum Bearbeiten</Link>
      </Notice>
      <ArticleView article={article} rendered={rendered} timeZone={settings.timeZone} cover={coverImage(article, images)} />
    </div>
  );
}
