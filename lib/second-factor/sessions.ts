import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { sessions } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/** Records on the session row that it proved its second factor (passkey or recovery code). */
export async function markSessionVerified(tx: Db, sessionToken: string, userId: string): Promise<void> {
  const updated = await tx
    .update(sessions)
    .set({ secondFactorAt: sql`now()` })
    .where(and(eq(sessions.sessionToken, sessionToken), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  if (updated.length === 0) throw new AppError("unauthorized", "Deine Sitzung ist abgelaufen. Bitte melde dich neu an.");
}

/** Whether the session row says it proved its second factor, read inside the caller's transaction. */
export async function sessionIsVerified(tx: Db, sessionToken: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ at: sessions.secondFactorAt })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionToken), eq(sessions.userId, userId)));
  return Boolean(row?.at);
}

export type SessionListItem = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  secondFactorAt: Date | null;
  current: boolean;
};

/** The person's live sessions, newest activity first; the token itself never leaves this function. */
export async function listSessions(userId: string, currentToken: string | null, db: Db = defaultDb): Promise<SessionListItem[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expires, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    userAgent: r.userAgent,
    secondFactorAt: r.secondFactorAt,
    current: r.sessionToken === currentToken,
  }));
}

/** Ends one of the person's other sessions (signs that device out). The current one is left alone. */
export async function endOtherSession(userId: string, sessionId: string, currentToken: string | null, db: Db = defaultDb): Promise<void> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), ne(sessions.sessionToken, currentToken ?? "")))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new AppError("not_found", "Diese Sitzung gibt es nicht mehr.");
}

/** "Chrome unter Linux": enough to recognise one's own device in the list. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return "Unbekanntes Gerät";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\/|Opera/, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
      [/Safari\//, "Safari"],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? "Browser";
  const system =
    [
      [/iPhone|iPad|iOS/, "iOS"],
      [/Android/, "Android"],
      [/Windows/, "Windows"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? null;
  return system ? `${browser} unter ${system}` : String(browser);
}
