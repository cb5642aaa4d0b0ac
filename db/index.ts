import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import path from "node:path";
import { env } from "../lib/env";
import { connectPglite, connectPostgres, type Db, type DbHandle } from "./client";

export type { Db, Engine } from "./client";

/**
 * The one database client: postgres.js when DATABASE_URL is set, otherwise embedded PGlite
 * in PGLITE_DIR. Opened lazily on first use and kept on globalThis, because Next loads this
 * module in several bundles of one process (instrumentation, routes, hot reloads) and
 * PGlite must be opened only once per data folder.
 */
const holder = globalThis as unknown as { __praxisDb?: DbHandle; __praxisDbResetAt?: number; __praxisDbWatch?: NodeJS.Timeout };

export function getDbHandle(): DbHandle {
  holder.__praxisDb ??= open();
  return holder.__praxisDb;
}

function open(): DbHandle {
  // The build prerenders a few pages (404, icons); they must not depend on a database, and
  // PGlite must never be opened by build workers beside a running dev server.
  if (process.env.NEXT_PHASE === "phase-production-build") throw new Error("No database during next build");
  const e = env();
  if (e.DATABASE_URL) return connectPostgres(e.DATABASE_URL);
  // turbopackIgnore: the bundler must not trace (and then watch) the data folder, or every
  // write PGlite makes would count as a source change and reload the page in `next dev`.
  const dir = path.resolve(/* turbopackIgnore: true */ e.PGLITE_DIR);
  mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
  return connectPglite(dir);
}

/** The database, opened on first use. `db.select()...` etc. work as on any drizzle database. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = getDbHandle().db as unknown as Record<PropertyKey, unknown>;
    const value = target[property];
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** For tests and scripts: use this handle instead of opening one from the environment. */
export function setDbHandle(handle: DbHandle) {
  holder.__praxisDb = handle;
}

export async function closeDb() {
  const handle = holder.__praxisDb;
  holder.__praxisDb = undefined;
  if (handle) await handle.close();
}

/**
 * Called when a query failed because the database went away (see isDatabaseUnavailable): swaps in
 * a fresh postgres.js pool and discards the old one at once. postgres.js 3.4.9 can leave a pooled
 * connection that lost its socket mid-write unable to ever send again (porsager/postgres#1208,
 * LanternOps/breeze#3225): its queries then hang instead of failing, and the pool never heals
 * after a database restart. Ending the old pool rejects anything stuck on it; new queries
 * connect afresh. At most once every few seconds, so an outage does not churn pools.
 */
export function resetDbAfterConnectionLoss(minIntervalMs = 3000): boolean {
  const old = holder.__praxisDb;
  if (!old || old.engine !== "postgres") return false;
  const now = Date.now();
  if (holder.__praxisDbResetAt && now - holder.__praxisDbResetAt < minIntervalMs) return false;
  holder.__praxisDbResetAt = now;
  holder.__praxisDb = open();
  old.discard().catch(() => {});
  watchForRecovery();
  return true;
}

/**
 * Once the database answers again, swaps the pool one last time: a connection that broke while
 * the server was starting up can strand a query on the pool that saw the recovery, and no later
 * error would trigger a reset. The old pool gets a few seconds to finish what is healthy.
 */
function watchForRecovery() {
  if (holder.__praxisDbWatch) return;
  holder.__praxisDbWatch = setInterval(async () => {
    const handle = holder.__praxisDb;
    if (!handle) return;
    const answered = await Promise.race([
      handle.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    if (!answered || holder.__praxisDb !== handle || !holder.__praxisDbWatch) return;
    clearInterval(holder.__praxisDbWatch);
    holder.__praxisDbWatch = undefined;
    holder.__praxisDb = open();
    handle.close().catch(() => {});
  }, 1000);
  holder.__praxisDbWatch.unref();
}
