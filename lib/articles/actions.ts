"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth/guards";
import { clientKey } from "@/lib/http/client-ip";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { deleteComment, moderateComment, submitComment } from "./comments";
import { createArticle, deleteArticle, setArticleStatus, updateArticle } from "./editor";
import { renderMarkdown } from "./markdown";
import { ARTICLES_TAG } from "./queries";
import { articleInputSchema, commentInputSchema } from "./schemas";

export type FormState = { ok?: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Everything a reader can see of articles is cached: expire it after any change. */
function refreshPublicPages(...slugs: string[]) {
  updateTag(ARTICLES_TAG);
  for (const slug of new Set(slugs.filter(Boolean))) revalidatePath(`/artikel/${slug}`);
  revalidatePath("/artikel");
  revalidatePath("/");
}

function failure(error: unknown): FormState {
  if (error instanceof AppError) {
    const field = typeof error.details?.field === "string" ? error.details.field : undefined;
    return { message: error.message, fieldErrors: field ? { [field]: [error.message] } : undefined };
  }
  throw error;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function saveArticleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const coach = await requireActionUser("coach");
  const parsed = articleInputSchema.safeParse({
    title: formData.get("title") ?? "",
    slug: formData.get("slug") ?? "",
    excerpt: formData.get("excerpt") ?? "",
    body: formData.get("body") ?? "",
    tags: formData.get("tags") ?? "",
    sources: formData.get("sources") ?? "",
    coverImageUrl: formData.get("coverImageUrl") ?? "",
    coverImageAlt: formData.get("coverImageAlt") ?? "",
  });
  if (!parsed.success) return { message: "Bitte prüfe die markierten Felder.", fieldErrors: parsed.error.flatten().fieldErrors };
  const id = String(formData.get("id") ?? "");
  const intent = formData.get("intent");
  let savedId: string;
  try {
    if (id) {
      if (!uuid.test(id)) throw new AppError("not_found", "Diesen Artikel gibt es nicht mehr.");
      const { article, previousSlug } = await updateArticle(id, parsed.data);
      savedId = article.id;
      if (intent === "publish") await setArticleStatus(article.id, "published");
      if (intent === "unpublish") await setArticleStatus(article.id, "draft");
      refreshPublicPages(article.slug, previousSlug);
    } else {
      const article = await createArticle(parsed.data, coach.id);
      savedId = article.id;
      if (intent === "publish") await setArticleStatus(article.id, "published");
      refreshPublicPages(article.slug);
    }
  } catch (error) {
    return failure(error);
  }
  const flash = intent === "publish" ? "veroeffentlicht" : intent === "unpublish" ? "zurueckgezogen" : intent === "save" ? "save" : "entwurf";
  redirect(`/coach/artikel/${savedId}?gespeichert=${flash}`);
}

export async function deleteArticleAction(formData: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = String(formData.get("id") ?? "");
  if (!uuid.test(id)) return;
  const article = await deleteArticle(id).catch((error) => (error instanceof AppError ? null : Promise.reject(error)));
  if (article) refreshPublicPages(article.slug);
  redirect("/coach/artikel?geloescht=1");
}

/** The editor's live preview: the same renderer as the article page. */
export async function previewMarkdownAction(markdown: string): Promise<{ html: string; readingMinutes: number }> {
  await requireActionUser("coach");
  // An action's argument is whatever the caller serialised: only a string is Markdown.
  const text = typeof markdown === "string" ? markdown.slice(0, 200_000) : "";
  const rendered = await renderMarkdown(text, { siteOrigin: await siteOrigin() });
  return { html: rendered.html, readingMinutes: rendered.readingMinutes };
}

export async function submitCommentAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  // The honeypot: a filled-in "website" is a bot. It is told "thanks" and nothing is stored.
  if (String(formData.get("website") ?? "") !== "") return { ok: true };
  const parsed = commentInputSchema.safeParse({
    authorName: formData.get("authorName") ?? "",
    body: formData.get("body") ?? "",
    consent: formData.get("consent") ?? "",
  });
  if (!parsed.success) return { message: "Bitte prüfe die markierten Felder.", fieldErrors: parsed.error.flatten().fieldErrors };
  try {
    await submitComment(String(slug), parsed.data, { clientKey: await clientKey(), origin: await siteOrigin() });
  } catch (error) {
    return failure(error);
  }
  return { ok: true };
}

export async function moderateCommentAction(formData: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = String(formData.get("id") ?? "");
  const decision = String(formData.get("decision") ?? "");
  if (!uuid.test(id)) return;
  try {
    const slug =
      decision === "delete" ? await deleteComment(id) : await moderateComment(id, decision === "approve" ? "approved" : "rejected");
    refreshPublicPages(slug);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  revalidatePath("/coach/kommentare");
}
