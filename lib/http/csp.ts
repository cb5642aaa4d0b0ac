/**
 * The Content-Security-Policy for pages. Pages rendered per request allow scripts only with the
 * request's nonce ('strict-dynamic' lets Next's own chunks load). Pages served from the static
 * cache cannot carry a nonce, so Next needs 'unsafe-inline' for its inline bootstrap there; those
 * pages hold only sanitised article HTML and plain-text comments. Nothing may frame the site.
 */
export function contentSecurityPolicy(nonce: string | null, { dev }: { dev: boolean }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-src 'self'",
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

/** Pages served from the static cache (see contentSecurityPolicy): an article and its parts, and the bench's static page. */
export function isStaticPage(pathname: string): boolean {
  return /^\/artikel\/(?!seite\/)[^/]+\/?$/.test(pathname) || pathname === "/bench/statisch";
}
