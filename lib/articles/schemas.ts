import { z } from "zod";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";
import { uploadedImageId } from "@/lib/images/paths";
import { AppError } from "@/lib/http/errors";
import { imageProblems } from "./markdown-images";
import { SLUG_PATTERN } from "./slug";

// The site loads images only from itself (CSP img-src 'self'): an address elsewhere would show readers a gap.
const BODY_IMAGES_FROM_UPLOAD =
  "Bilder von anderen Seiten kann die Seite nicht anzeigen. Bitte lade das Bild mit „Bild hochladen“ unter dem Text hoch; es wird dann an der Stelle eingefügt.";
const COVER_FROM_UPLOAD = "Bitte lade das Titelbild mit „Titelbild hochladen“ hoch; Adressen anderer Seiten kann die Seite nicht anzeigen.";

/** What readers see carries a text for every image, for people who cannot see it (drafts may wait for it). */
export function assertImagesDescribed(body: string): void {
  if (imageProblems(body).withoutAlt) {
    throw new AppError(
      "invalid",
      "Jedes Bild braucht eine Beschreibung für Menschen, die es nicht sehen: schreib sie in die eckigen Klammern, z. B. ![Frau beim Dehnen am Fenster](/bilder/…).",
      { field: "body" },
    );
  }
}

/** Control characters other than line breaks and tabs (NUL above all, which PostgreSQL refuses in text). */
const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const invalidCharacters = "Der Text enthält ungültige Zeichen.";

const lines = (max: number, each: number) =>
  z
    .string()
    .max(max * (each + 1))
    .refine(noControl, invalidCharacters)
    .transform((v) =>
      v
        .split(/\r?\n|,/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(each, `Höchstens ${each} Zeichen je Eintrag.`)).max(max, `Höchstens ${max} Einträge.`));

/** The editor's form, as the coach fills it in. */
export const articleInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "Bitte gib einen Titel ein (mindestens 3 Zeichen).")
      .max(160, "Der Titel ist zu lang (höchstens 160 Zeichen).")
      .refine(isSingleLine, singleLineMessage("Titel")),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "Die Adresse ist zu lang (höchstens 80 Zeichen).")
      .refine((v) => v === "" || SLUG_PATTERN.test(v), "Nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. warum-schmerz-bleibt."),
    excerpt: z.string().trim().max(300, "Die Kurzbeschreibung ist zu lang (höchstens 300 Zeichen).").refine(noControl, invalidCharacters),
    body: z.string().max(200_000, "Der Text ist zu lang (höchstens 200.000 Zeichen).").refine(noControl, invalidCharacters),
    tags: lines(8, 40).transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]),
    sources: lines(30, 400),
    coverImageUrl: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => v === "" || uploadedImageId(v) !== null, COVER_FROM_UPLOAD),
    coverImageAlt: z.string().trim().max(300, "Der Bildtext ist zu lang.").refine(noControl, invalidCharacters),
  })
  .superRefine((v, ctx) => {
    if (imageProblems(v.body).foreign) ctx.addIssue({ code: "custom", path: ["body"], message: BODY_IMAGES_FROM_UPLOAD });
    if (v.coverImageUrl && !v.coverImageAlt) {
      ctx.addIssue({
        code: "custom",
        path: ["coverImageAlt"],
        message: "Bitte beschreibe das Bild kurz für Menschen, die es nicht sehen.",
      });
    }
  });
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const commentInputSchema = z.object({
  authorName: z
    .string()
    .trim()
    .min(1, "Bitte gib einen Namen an (ein Vorname genügt).")
    .max(80, "Der Name ist zu lang (höchstens 80 Zeichen).")
    .refine(isSingleLine, singleLineMessage("Name")),
  body: z
    .string()
    .trim()
    .min(2, "Bitte schreib einen Kommentar.")
    .max(4000, "Der Kommentar ist zu lang (höchstens 4.000 Zeichen).")
    // Control characters other than line breaks and tabs have no place in a comment.
    .transform((v) => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")),
  consent: z.literal("on", { error: "Bitte stimme der Verarbeitung deines Kommentars zu." }),
  // The honeypot: people leave it empty, simple bots fill it.
  website: z.string().max(0).optional().or(z.literal("")),
});
export type CommentInput = z.infer<typeof commentInputSchema>;
