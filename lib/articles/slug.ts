const german: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "ae", Ö: "oe", Ü: "ue", ẞ: "ss" };

/** A URL slug from a German title: "Über Schmerz & Stress" → "ueber-schmerz-stress". */
export function slugify(title: string): string {
  return title
    .replace(/[äöüßÄÖÜẞ]/g, (c) => german[c]!)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a string can be an article's address at all (what the editor allows: the pattern, at most 80 characters). */
export function isArticleSlug(slug: string): boolean {
  return slug.length <= 80 && SLUG_PATTERN.test(slug);
}
