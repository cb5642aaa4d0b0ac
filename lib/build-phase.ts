/**
 * Whether this code runs inside `next build`, which has no database (db/index.ts refuses). Reads
 * that the public pages make answer there with their fallback instead; what the build renders with
 * it is never served (server/cache-handler.mjs drops the build's entries), so the fallback only has
 * to let the build finish.
 */
export function duringBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
