"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { clientKey } from "@/lib/http/client-ip";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { callAction, commandAction, fields, formAction, publicFormAction, text } from "@/lib/http/form-action";
import { isUuid, uuidSchema } from "@/lib/sql/uuid";
import { siteOrigin } from "@/lib/site-url";
import { deleteComment, moderateComment, submitComment } from "./comments";
import { createArticle, deleteArticle, setArticleStatus, updateArticle } from "./editor";
import { articleImages } from "./article-images";
import { renderMarkdown } from "./markdown";
import { ARTICLES_TAG } from "./queries";
import { articleInputSchema, assertImagesDescribed, commentInputSchema } from "./schemas";

/** What the comment form says once a comment is in (the form shows its own thanks). */
const THANKS = "Danke! Dein Kommentar erscheint, sobald er freigegeben ist.";

/** Everything a reader can see of articles is cached: expire it after any change. */
function refreshPublicPages(...slugs: string[]) {
  updateTag(ARTICLES_TAG);
  for (const slug of new Set(slugs.filter(Boolean))) revalidatePath(`/artikel/${slug}`);
  revalidatePath("/artikel");
  revalidatePath("/artikel/seite/[seite]", "page"); // every later page of the list
  revalidatePath("/");
}

const articleFields = ["title", "slug", "excerpt", "body", "tags", "sources", "coverImageUrl", "coverImageAlt"] as const;

export const saveArticleAction = formAction({
  role: "coach",
  schema: articleInputSchema,
  read: (form) => fields(form, articleFields),
  run: async (input, { user, form }) => {
    const id = text(form, "id");
    const intent = text(form, "intent");
    // A draft may be empty; what readers see may not ("save" is the published article's button).
    if ((intent === "publish" || intent === "save") && input.body.trim() === "") {
      throw new AppError("invalid", "Ein Artikel ohne Text lässt sich nicht veröffentlichen. Schreib zuerst den Text.", { field: "body" });
    }
    if (intent === "publish" || intent === "save") assertImagesDescribed(input.body);
    let savedId: string;
    if (id) {
      if (!isUuid(id)) throw new AppError("not_found", "Diesen Artikel gibt es nicht mehr.");
      const { article, previousSlug } = await updateArticle(id, input);
      savedId = article.id;
      if (intent === "publish") await setArticleStatus(article.id, "published");
      if (intent === "unpublish") await setArticleStatus(article.id, "draft");
      refreshPublicPages(article.slug, previousSlug);
    } else {
      const article = await createArticle(input, user.id);
      savedId = article.id;
      if (intent === "publish") await setArticleStatus(article.id, "published");
      refreshPublicPages(article.slug);
    }
    const flash =
      intent === "publish" ? "veroeffentlicht" : intent === "unpublish" ? "zurueckgezogen" : intent === "save" ? "save" : "entwurf";
    redirect(`/coach/artikel/${savedId}?gespeichert=${flash}`);
  },
});

export const deleteArticleAction = commandAction({
  role: "coach",
  schema: z.object({ id: uuidSchema }),
  read: (form) => ({ id: text(form, "id") }),
  run: async ({ id }) => {
    const article = await deleteArticle(id);
    refreshPublicPages(article.slug);
    redirect("/coach/artikel?geloescht=1");
  },
  // Deleted already (another tab): gone either way.
  refused: () => redirect("/coach/artikel?geloescht=1"),
});

/** The editor's live preview: the same renderer as the article page. */
export const previewMarkdownAction = callAction({
  role: "coach",
  // An action's argument is whatever the caller serialised: only a string is Markdown.
  schema: z.string().transform((markdown) => markdown.slice(0, 200_000)),
  read: (markdown: string) => markdown,
  run: async (markdown) => {
    const images = await articleImages({ body: markdown, coverImageUrl: null });
    const rendered = await renderMarkdown(markdown, { siteOrigin: await siteOrigin(), images });
    return { html: rendered.html, readingMinutes: rendered.readingMinutes };
  },
  failure: () => ({ html: "", readingMinutes: 0 }),
});

/** A reader's comment. The honeypot (a filled-in "website") is a bot: it is thanked and nothing is stored. */
export const submitCommentAction = publicFormAction({
  schema: commentInputSchema.extend({ slug: z.string() }),
  honeypot: THANKS,
  read: (form, slug: string) => ({ slug: String(slug), ...fields(form, ["authorName", "body", "consent"]) }),
  run: async (input) => {
    await submitComment(input.slug, input, { clientKey: await clientKey(), origin: await siteOrigin() });
    return THANKS;
  },
});

export const moderateCommentAction = commandAction({
  role: "coach",
  // "hide" takes a published comment off its article again; it stays out of sight like a rejected one.
  schema: z.object({ id: uuidSchema, decision: z.enum(["approve", "reject", "hide", "delete"]) }),
  read: (form) => fields(form, ["id", "decision"]),
  run: async ({ id, decision }) => {
    const slug =
      decision === "delete" ? await deleteComment(id) : await moderateComment(id, decision === "approve" ? "approved" : "rejected");
    refreshPublicPages(slug);
    revalidatePath("/coach/kommentare");
  },
  // Gone already (another tab): the list shows what is left.
  refused: () => revalidatePath("/coach/kommentare"),
});
