import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, isStaticPage } from "@/lib/http/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = ["/dashboard", "/coach"];

/**
 * A first filter only: it sets the CSP nonce and sends visitors without a session cookie to
 * the sign-in page early. Every page, action and route checks who is asking again.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const dev = process.env.NODE_ENV !== "production";
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set("content-security-policy", contentSecurityPolicy(createNonce(), { dev }));
    return redirect;
  }

  if (isStaticPage(pathname)) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", contentSecurityPolicy(null, { dev }));
    return response;
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev });
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
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
