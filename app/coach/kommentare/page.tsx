import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { moderateCommentAction } from "@/lib/articles/actions";
import { pendingCommentsForCoach } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Kommentare freigeben", robots: { index: false } };

export default async function ModerationPage() {
  await requireRole("coach", "/coach/kommentare");
  const [comments, settings] = await Promise.all([pendingCommentsForCoach(), getPracticeSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <h1>Kommentare freigeben</h1>
      {comments.length === 0 ? (
        <p>Keine Kommentare warten auf dich.</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {comments.map((c) => (
            <li key={c.id}>
              <article aria-labelledby={`c-${c.id}`} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
                <h2 id={`c-${c.id}`} className="font-sans text-base font-semibold">
                  {c.authorName} zu <Link href={`/artikel/${c.articleSlug}`}>„{c.articleTitle}“</Link>
                </h2>
                <p className="text-sm text-muted">{formatDateTime(c.createdAt, settings.timeZone)}</p>
                <p className="whitespace-pre-line">{c.body}</p>
                <form action={moderateCommentAction} className="flex flex-wrap gap-3">
                  <input type="hidden" name="id" value={c.id} />
                  <Button type="submit" name="decision" value="approve">
                    Freigeben
                  </Button>
                  <Button type="submit" name="decision" value="reject" variant="secondary">
                    Ablehnen
                  </Button>
                  <Button type="submit" name="decision" value="delete" variant="quiet">
                    Löschen
                  </Button>
                </form>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
