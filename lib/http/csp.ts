/**
 * The Content-Security-Policy of every answer. Which scripts may run:
 * - `{ nonce }`: pages rendered per request, where the proxy runs: only scripts with the request's
 *   nonce ('strict-dynamic' lets Next's own chunks load).
 * - "prerendered": answers from the prerender cache (an article, the bench's static page). They
 *   cannot carry a nonce, and Next's inline RSC payload on them needs 'unsafe-inline' (no hash can
 *   follow a page that revalidates). Those pages hold only sanitised article HTML and plain-text
 *   comments, and their not-found answer renders nothing from the URL (see proxy.ts).
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
 * Pages served from the prerender cache: an article (one segment under /artikel; the list's
 * pages are /artikel/seite/N) and the bench's static page. The same paths in next.config.ts's
 * syntax, for the fallback of requests the proxy does not see.
 */
export const PRERENDERED_PAGE_SOURCES = ["/artikel/:slug", "/bench/statisch"] as const;

export function isStaticPage(pathname: string): boolean {
  return /^\/artikel\/[^/]+\/?$/.test(pathname) || pathname === "/bench/statisch";
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
