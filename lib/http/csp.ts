/**
 * The Content-Security-Policy of every answer. Which scripts may run:
 * - `{ nonce }`: pages rendered per request, where the proxy runs: only scripts with the request's
 *   nonce ('strict-dynamic' lets Next's own chunks load).
 * - "prerendered": answers from the prerender cache (the public pages below). They
 *   cannot carry a nonce, and Next's inline RSC payload on them needs 'unsafe-inline' (no hash can
 *   follow a page that revalidates). Those pages hold only our own text, sanitised article HTML and
 *   plain-text comments, and their not-found answer renders nothing from the URL (see proxy.ts).
 * - "own-files": the static fallback next.config.ts sends with every answer, for the requests the
 *   proxy does not see (prefetches, API routes, files): scripts from our own origin only, no
 *   inline script at all. Where the proxy runs, its policy replaces this one.
 * Nothing may frame the site.
 */
export type ScriptPolicy = { nonce: string } | "prerendered" | "own-files";

export function contentSecurityPolicy(scripts: ScriptPolicy, { dev }: { dev: boolean }): string {
  const sources =
    typeof scripts === "object"
      ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`
      : scripts === "prerendered"
        ? "'self' 'unsafe-inline'"
        : "'self'";
  const directives = [
    "default-src 'self'",
    `script-src ${sources}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-src 'self'",
    // The client area's service worker (public/sw.js) and the home-screen manifest.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ];
  return directives.join("; ");
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The public pages served from the prerender cache (app/(static)): home, the article list and its
 * pages (/artikel/seite/N), every article, the self-check, the consultation booking, Impressum,
 * Datenschutz and the bench's static page. proxy.ts does not run for them (its matcher spells the same
 * paths, checked against this list in tests/unit/proxy-matcher.test.ts); their CSP comes from
 * next.config.ts, by the same paths in its syntax, and server/start.mjs takes 'unsafe-inline' away
 * again from any of their answers that did not come from the prerender cache (a form posted
 * without JavaScript, rendered for the request).
 */
export const PRERENDERED_PAGE_SOURCES = [
  "/",
  "/artikel",
  "/artikel/seite/([^/]+)",
  "/artikel/([^/]+)",
  "/selbsttest",
  "/erstgespraech",
  "/impressum",
  "/datenschutz",
  "/bench/statisch",
] as const;

const STATIC_PAGE =
  /^\/(?:|selbsttest|erstgespraech|impressum|datenschutz|artikel|artikel\/seite\/[1-9]\d{0,3}|artikel\/(?=[a-z0-9-]{1,80}\/?$)[a-z0-9]+(?:-[a-z0-9]+)*|bench\/statisch)\/?$/;

/**
 * Whether a path is one of those pages. An article's path only with a slug the editor could have
 * made, a list page's only with a page number (1 to 9999): any other address there goes through the
 * proxy, which answers it with the site's not-found page.
 */
export function isStaticPage(pathname: string): boolean {
  return STATIC_PAGE.test(pathname);
}

/** Whether every percent-escape of a path decodes (Next answers "/artikel/%ZZ" with a bare 500 otherwise). */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
