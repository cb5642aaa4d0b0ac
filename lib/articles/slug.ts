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

/** The article list's page `n` as written in its address (1 to 9999, no leading zero), or null. */
export function listPageNumber(segment: string | null | undefined): number | null {
  return segment && /^[1-9]\d{0,3}$/.test(segment) ? Number(segment) : null;
}

/** The address of page `n` of the article list: the first is /artikel, the others /artikel/seite/n. */
export function articleListPath(n: number): string {
  return n <= 1 ? "/artikel" : `/artikel/seite/${n}`;
}

/** Addresses under /artikel/ that belong to the site: the list's pages are /artikel/seite/N. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["seite"]);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
