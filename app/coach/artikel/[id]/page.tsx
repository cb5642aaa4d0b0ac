import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/coach/ArticleEditor";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import { deleteArticleAction } from "@/lib/articles/actions";
import { getArticleForCoach } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Artikel bearbeiten", robots: { index: false } };

const flash: Record<string, string> = {
  entwurf: "Als Entwurf gespeichert.",
  veroeffentlicht: "Gespeichert und veröffentlicht.",
  zurueckgezogen: "Zurückgezogen: Der Artikel ist wieder ein Entwurf und öffentlich nicht mehr sichtbar.",
  save: "Änderungen veröffentlicht.",
};

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ gespeichert?: string }>;
}) {
  const { id } = await params;
  await requireRole("coach", `/coach/artikel/${id}`);
  const [article, { gespeichert }] = await Promise.all([getArticleForCoach(id), searchParams]);
  if (!article) notFound();
  const published = article.status === "published";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Artikel bearbeiten</h1>
        <Link href={published ? `/artikel/${article.slug}` : `/coach/artikel/${article.id}/vorschau`}>
          {published ? "Öffentliche Seite ansehen" : "Entwurf ansehen"}
        </Link>
      </div>
      {gespeichert && flash[gespeichert] && (
        <Notice role="status" tone="success">
          {flash[gespeichert]}
        </Notice>
      )}
      <ArticleEditor key={article.updatedAt.toISOString()} article={{ ...article, id: article.id }} />
      <section aria-labelledby="danger" className="flex flex-col gap-3 border-t border-line pt-6">
        <h2 id="danger" className="text-xl">
          Artikel löschen
        </h2>
        <Dialog trigger="Artikel löschen …" title="Artikel wirklich löschen?" triggerVariant="danger">
          <p className="mb-4">
            „{article.title}“ und alle Kommentare dazu werden endgültig gelöscht. Das lässt sich nicht rückgängig machen.
          </p>
          <form action={deleteArticleAction}>
            <input type="hidden" name="id" value={article.id} />
            <Button type="submit" variant="danger">
              Endgültig löschen
            </Button>
          </form>
        </Dialog>
      </section>
    </div>
  );
}
