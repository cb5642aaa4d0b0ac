import { NextResponse, type NextRequest } from "next/server";
import { isArticleSlug } from "@/lib/articles/slug";
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

  // Reading a page from the prerender cache: no nonce is possible there (see lib/http/csp.ts).
  // Anything else on those paths (a form posted without JavaScript) is rendered for the request.
  if (isStaticPage(pathname) && (request.method === "GET" || request.method === "HEAD")) {
    // An address that can be no article gets the site's not-found page, which holds nothing of it
    // (the article route's own not-found answer would carry the slug in its metadata and router state).
    const slug = pathname.match(/^\/artikel\/([^/]+)\/?$/)?.[1];
    if (slug !== undefined && !isArticleSlug(slug))
      return withCsp(NextResponse.rewrite(new URL("/_not-found", request.url)), "prerendered");
    return withCsp(NextResponse.next(), "prerendered");
  }

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
      // Uploaded images (/bilder/…) are files with their own headers: no page, no nonce, no sign-in.
      source: "/((?!api/|bilder/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)",
      // Prefetches skip the proxy; they get the static fallback CSP from next.config.ts.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API and image paths only when they hold a percent sign: the proxy answers an undecodable one with a 400.
    { source: "/api/:path(.*%.*)" },
    { source: "/bilder/:path(.*%.*)" },
  ],
};
