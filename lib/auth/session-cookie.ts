import { cookies } from "next/headers";
import { env, type Env } from "@/lib/env";

/** Secure cookies in production, unless the site is served over plain http (AUTH_URL says so). */
export function secureCookies(e: Env = env()): boolean {
  return e.NODE_ENV === "production" && !e.AUTH_URL?.startsWith("http://");
}

/** The name Auth.js gives its session cookie under the same rule. */
export function sessionCookieName(e: Env = env()): string {
  return `${secureCookies(e) ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The token of the session this request belongs to, for the code that acts on the session row
 * itself (recording the second factor, telling "this device" from the others). Null outside a
 * request or without a session cookie.
 */
export async function currentSessionToken(): Promise<string | null> {
  try {
    const jar = await cookies();
    return jar.get(sessionCookieName())?.value ?? null;
  } catch {
    return null;
  }
}
