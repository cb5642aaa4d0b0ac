import { NextResponse, type NextRequest } from "next/server";
import { articleListPath, listPageNumber } from "@/lib/articles/slug";
import { contentSecurityPolicy, createNonce, isDecodablePath, isStaticPage, type ScriptPolicy } from "@/lib/http/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = ["/dashboard", "/coach"];

/**
 * A first filter only: it sets the CSP nonce and sends visitors without a session cookie to
 * the sign-in page early. Every page, action and route checks who is asking again. Its CSP
 * replaces the static fallback next.config.ts sends with every answer.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const dev = process.env.NODE_ENV !== "production";
  const withCsp = <T extends NextResponse>(response: T, scripts: ScriptPolicy): T => {
    response.headers.set("content-security-policy", contentSecurityPolicy(scripts, { dev }));
    return response;
  };

  // A path Next cannot decode would end as a bare 500 without any of our headers further in.
  if (!isDecodablePath(pathname)) {
    const response = pathname.startsWith("/api/")
      ? NextResponse.json({ error: "invalid", message: "Diese Adresse ist ungültig." }, { status: 400 })
      : new NextResponse("Diese Adresse ist ungültig.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    return withCsp(response, "own-files");
  }
  // API routes and images come here only for the check above (see the matcher).
  if (pathname.startsWith("/api/") || pathname.startsWith("/bilder/")) return NextResponse.next();

  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return withCsp(NextResponse.redirect(login), { nonce: createNonce() });
  }

  // The public pages from the prerender cache never come here (see the matcher); what does under
  // their paths is an address that can be none of them. It gets the site's not-found page, which
  // holds nothing of it (the article route's own not-found answer would carry the slug in its
  // metadata and router state). The list's old page addresses (/artikel?seite=2) move to the path.
  if (pathname === "/artikel" || pathname === "/artikel/") {
    const n = listPageNumber(request.nextUrl.searchParams.get("seite")) ?? 1;
    return withCsp(NextResponse.redirect(new URL(articleListPath(n), request.url), 308), "own-files");
  }
  if (pathname.startsWith("/artikel/") && !isStaticPage(pathname) && /^\/artikel\/(seite\/)?[^/]+\/?$/.test(pathname))
    return withCsp(NextResponse.rewrite(new URL("/_not-found", request.url)), "prerendered");

  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce }, { dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not for files (uploaded images under /bilder/ have their own headers) nor for the public pages
      // served from the prerender cache: home, /artikel, /artikel/seite/N, an article with a slug the
      // editor could have made, /selbsttest, /erstgespraech, /impressum, /datenschutz, /bench/statisch
      // (lib/http/csp.ts isStaticPage; tests/unit/proxy-matcher.test.ts holds the two together).
      source:
        "/((?!api/|bilder/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml|(?:selbsttest|erstgespraech|impressum|datenschutz|artikel|artikel/seite/[1-9][0-9]?[0-9]?[0-9]?|artikel/(?=[a-z0-9-]{1,80}/?$)[a-z0-9]+(?:-[a-z0-9]+)*|bench/statisch)?/?$).*)",
      // Prefetches skip the proxy; they get the static fallback CSP from next.config.ts.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // The article list's old page addresses, /artikel?seite=N, to be moved to /artikel/seite/N.
    { source: "/artikel", has: [{ type: "query", key: "seite" }] },
    // API and image paths only when they hold a percent sign: the proxy answers an undecodable one with a 400.
    { source: "/api/:path(.*%.*)" },
    { source: "/bilder/:path(.*%.*)" },
  ],
};
