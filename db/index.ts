import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { connectPglite, connectPostgres, type Db, type DbHandle } from "./client";

export type { Db } from "./client";

/**
 * The one database client: postgres.js when DATABASE_URL is set, otherwise embedded PGlite
 * in PGLITE_DIR. Opened lazily on first use and kept on globalThis, because Next loads this
 * module in several bundles of one process (instrumentation, routes, hot reloads) and
 * PGlite must be opened only once per data folder.
 */
const holder = globalThis as unknown as { __praxisDb?: DbHandle };

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
