"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/Button";
import { Field, TextArea as SharedTextArea } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { ImageUpload } from "./ImageUpload";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { previewMarkdownAction, saveArticleAction } from "@/lib/articles/actions";
import type { FormState } from "@/lib/http/form-action";
import { slugify } from "@/lib/articles/slug";

export type EditorArticle = {
  id?: string;
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  tags: string[];
  sources: string[];
  coverImageUrl: string | null;
  coverImageAlt: string | null;
  status: "draft" | "published";
};

/** The shared labelled textarea, reporting its value as text. */
function TextArea({ onChange, ...props }: Omit<ComponentProps<typeof SharedTextArea>, "onChange"> & { onChange?: (v: string) => void }) {
  return <SharedTextArea {...props} onChange={onChange ? (e) => onChange(e.target.value) : undefined} />;
}

/** Write in Markdown, see the page as readers will (same renderer), save as draft or publish. */
export function ArticleEditor({ article }: { article: EditorArticle }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveArticleAction, {});
  const [title, setTitle] = useState(article.title);
  const [body, setBody] = useState(article.body);
  const [preview, setPreview] = useState<{ html: string; readingMinutes: number } | null>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const errors = state.fieldErrors ?? {};
  const first = (key: string) => errors[key]?.[0];

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewMarkdownAction(body)
        .then((result) => current && setPreview(result))
        .catch(() => current && setPreview(null));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body]);

  const published = article.status === "published";
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      {article.id && <input type="hidden" name="id" value={article.id} />}
      <FormNotices state={state} />
      <Field
        label="Titel"
        name="title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={160}
        required
        error={first("title")}
      />
      <Field
        label="Adresse (Slug)"
        name="slug"
        defaultValue={article.slug}
        placeholder={slugify(title) || "wird-aus-dem-titel-gebildet"}
        maxLength={80}
        error={first("slug")}
        hint={`Leer lassen, um sie aus dem Titel zu bilden: /artikel/${slugify(title) || "…"}${published ? ". Eine geänderte Adresse leitet die alte dauerhaft weiter." : ""}`}
      />
      <TextArea
        label="Kurzbeschreibung"
        name="excerpt"
        rows={2}
        maxLength={300}
        defaultValue={article.excerpt}
        error={first("excerpt")}
        hint="Für die Artikelliste und Suchmaschinen. Leer lassen, um den Anfang des Textes zu nehmen."
      />

      <div className="flex flex-col gap-2">
        <div role="tablist" aria-label="Ansicht" className="flex gap-2 lg:hidden">
          {(["write", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className="rounded-lg border border-line px-4 py-2 aria-selected:border-accent aria-selected:bg-accent-soft"
            >
              {t === "write" ? "Schreiben" : "Vorschau"}
            </button>
          ))}
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <TextArea
            label="Text (Markdown)"
            name="body"
            rows={24}
            maxLength={200_000}
            value={body}
            onChange={setBody}
            mono
            error={first("body")}
            hint="## Zwischenüberschrift, **fett**, [Link](https://…), - Liste, > Zitat, Tabellen wie auf GitHub."
            className={tab === "write" ? "" : "hidden lg:flex"}
          />
          <section
            aria-label="Vorschau"
            aria-live="polite"
            className={`min-w-0 rounded-2xl border border-line bg-surface p-5 ${tab === "preview" ? "" : "hidden lg:block"}`}
          >
            <p className="mb-3 text-sm text-muted">Vorschau{preview ? ` · ${preview.readingMinutes} Min. Lesezeit` : ""}</p>
            {preview ? (
              <div className="prose-calm article-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
            ) : (
              <p className="text-muted">Die Vorschau erscheint beim Schreiben.</p>
            )}
          </section>
        </div>
        <ImageUpload target="body" onBodyChange={setBody} />
      </div>

      <Field
        label="Themen"
        name="tags"
        defaultValue={article.tags.join(", ")}
        error={first("tags")}
        hint="Mit Komma getrennt, z. B. stress, studien. Ähnliche Artikel werden über gemeinsame Themen gefunden."
      />
      <TextArea
        label="Quellen"
        name="sources"
        rows={4}
        defaultValue={article.sources.join("\n")}
        error={first("sources")}
        hint="Eine Quelle pro Zeile."
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Titelbild (optional)"
          name="coverImageUrl"
          defaultValue={article.coverImageUrl ?? ""}
          error={first("coverImageUrl")}
          hint="Wird beim Hochladen eingetragen (/bilder/…)."
        />
        <Field
          label="Bildbeschreibung"
          name="coverImageAlt"
          defaultValue={article.coverImageAlt ?? ""}
          maxLength={300}
          error={first("coverImageAlt")}
          hint="Was ist auf dem Bild zu sehen?"
        />
      </div>
      <ImageUpload target="cover" />

      <div className="flex flex-wrap gap-3">
        {published ? (
          <>
            <Button type="submit" name="intent" value="save" disabled={pending}>
              Änderungen veröffentlichen
            </Button>
            <Button type="submit" name="intent" value="unpublish" variant="secondary" disabled={pending}>
              Zurückziehen (Entwurf)
            </Button>
          </>
        ) : (
          <>
            <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
              Als Entwurf speichern
            </Button>
            <Button type="submit" name="intent" value="publish" disabled={pending}>
              Veröffentlichen
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
