import { sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit for `key` in a fixed window and says whether it is still within `limit`.
 * One atomic statement in PostgreSQL, so the count holds across requests and app instances.
 * A limit of 0 turns the check off.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, db: Db = defaultDb): Promise<RateLimitResult> {
  if (limit <= 0) return { allowed: true, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0 };
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const expired = sql`${rateLimits.windowStart} <= now() - ${window}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1, windowSeconds })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
        windowSeconds,
      },
    })
    .returning({
      count: rateLimits.count,
      // Clamped to the window: a concurrent statement whose transaction began a moment earlier
      // sees now() slightly before the windowStart another one just wrote.
      retryAfter: sql<number>`least(${windowSeconds}, greatest(1, ceil(extract(epoch from (${rateLimits.windowStart} + ${window} - now())))))::int`,
    });
  const count = row!.count;
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds: Number(row!.retryAfter) };
}
