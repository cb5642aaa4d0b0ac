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

/** Addresses under /artikel/ that belong to the site: the list's pages are /artikel/seite/N. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["seite"]);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
