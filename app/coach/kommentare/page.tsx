import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { moderateCommentAction } from "@/lib/articles/actions";
import { commentsForCoach } from "@/lib/articles/queries";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Kommentare", robots: { index: false } };

type Comment = Awaited<ReturnType<typeof commentsForCoach>>[number];

/** What the coach can do with a comment, by where it stands. */
const decisions = {
  pending: [
    { value: "approve", label: "Freigeben", variant: "primary" },
    { value: "reject", label: "Ablehnen", variant: "secondary" },
    { value: "delete", label: "Löschen", variant: "quiet" },
  ],
  approved: [
    { value: "hide", label: "Verbergen", variant: "secondary" },
    { value: "delete", label: "Löschen", variant: "quiet" },
  ],
} as const;

function CommentItem({ comment, timeZone }: { comment: Comment; timeZone: string }) {
  const status = comment.status === "approved" ? "approved" : "pending";
  return (
    <li>
      <article aria-labelledby={`c-${comment.id}`} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
        <h3 id={`c-${comment.id}`} className="font-sans text-base font-semibold">
          {comment.authorName} zu <Link href={`/artikel/${comment.articleSlug}`}>„{comment.articleTitle}“</Link>
        </h3>
        <p className="text-sm text-muted">{formatDateTime(comment.createdAt, timeZone)}</p>
        <p className="whitespace-pre-line break-words">{comment.body}</p>
        <form action={moderateCommentAction} className="flex flex-wrap gap-3">
          <input type="hidden" name="id" value={comment.id} />
          {decisions[status].map((d) => (
            <Button key={d.value} type="submit" name="decision" value={d.value} variant={d.variant}>
              {d.label}
            </Button>
          ))}
        </form>
      </article>
    </li>
  );
}

export default async function ModerationPage() {
  await requireRole("coach", "/coach/kommentare");
  const [pending, published, settings] = await Promise.all([
    commentsForCoach("pending"),
    commentsForCoach("approved"),
    getPracticeSettings(),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1>Kommentare</h1>
      <section aria-labelledby="waiting" className="flex flex-col gap-4">
        <h2 id="waiting">Warten auf deine Freigabe</h2>
        {pending.length === 0 ? (
          <p>Keine Kommentare warten auf dich.</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {pending.map((c) => (
              <CommentItem key={c.id} comment={c} timeZone={settings.timeZone} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="published" className="flex flex-col gap-4">
        <h2 id="published">Veröffentlicht</h2>
        <p className="text-muted">
          Verbergen nimmt einen Kommentar wieder vom Artikel; Löschen entfernt ihn ganz. Die neuesten stehen oben.
        </p>
        {published.length === 0 ? (
          <p>Noch kein Kommentar ist veröffentlicht.</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {published.map((c) => (
              <CommentItem key={c.id} comment={c} timeZone={settings.timeZone} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
