import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { devMailbox, type DevMailMessage } from "@/db/schema";
import { isUuid } from "@/lib/sql/uuid";

/** The local mailbox, newest first; optionally one recipient's mail only. */
export async function listMailbox(to?: string, limit = 100): Promise<DevMailMessage[]> {
  const query = db.select().from(devMailbox);
  const filtered = to ? query.where(eq(devMailbox.to, to.trim().toLowerCase())) : query;
  return filtered.orderBy(desc(devMailbox.createdAt), desc(devMailbox.id)).limit(limit);
}

export async function getMailboxMessage(id: string): Promise<DevMailMessage | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
  return row;
}

export async function clearMailbox(): Promise<void> {
  await db.delete(devMailbox);
}

/** The links in an email's HTML, so the mailbox page can offer them outside the preview frame. */
export function linksIn(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/href="([^"]+)"/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (/^https?:\/\//.test(href)) links.add(href);
  }
  return [...links];
}
