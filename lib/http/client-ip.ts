import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { authSecret } from "@/lib/env";

/**
 * The requesting address as a keyed hash: enough to rate-limit, useless to anyone reading the
 * database. The last X-Forwarded-For entry is the one our own reverse proxy appended; earlier
 * entries come from the client and could be forged to dodge a limit.
 */
export async function clientKey(): Promise<string> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip")?.trim() || "unknown";
  return createHash("sha256").update(`${authSecret()}:${ip}`).digest("base64url").slice(0, 22);
}
