import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { authSecret } from "@/lib/env";

/**
 * The requesting address as a keyed hash: enough to rate-limit, useless to anyone reading the
 * database. Behind a proxy the first X-Forwarded-For entry is the client.
 */
export async function clientKey(): Promise<string> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip")?.trim() || "unknown";
  return createHash("sha256").update(`${authSecret()}:${ip}`).digest("base64url").slice(0, 22);
}
