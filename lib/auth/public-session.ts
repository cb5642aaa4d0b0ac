import type { UserRole } from "@/db/schema";

/**
 * What `/api/auth/session` tells the browser: the one thing browser code reads is the role
 * (components/site/AccountNavIsland.tsx); name, address and expiry keep the shape Auth.js's
 * client documents, and the id is the person's own. Auth.js would answer with the whole session
 * row (the HttpOnly session token included) and the whole user row; the server's `auth()` keeps
 * what the guards need (lib/auth/index.ts), and none of it leaves the server.
 */
type PublicSession = {
  user: { id: string; name: string | null; email: string | null; role: UserRole };
  expires: string;
};

function toPublicSession(session: unknown): PublicSession | null {
  const s = session as { user?: { id?: unknown; name?: unknown; email?: unknown; role?: unknown }; expires?: unknown } | null;
  if (!s?.user || typeof s.user.id !== "string") return null;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    user: { id: s.user.id, name: text(s.user.name), email: text(s.user.email), role: s.user.role === "coach" ? "coach" : "client" },
    expires: s.expires instanceof Date ? s.expires.toISOString() : String(s.expires ?? ""),
  };
}

/** Auth.js's answer to GET /session with its body cut down to the above; its headers (cookie refresh) stay. */
export async function publicSession(response: Response): Promise<Response> {
  const body = toPublicSession(await response.json().catch(() => null));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
