import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both engines' databases (and their transactions) share this interface. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "postgres" | "pglite";

export type DbHandle = {
  db: Db;
  engine: Engine;
  close: () => Promise<void>;
};

/** `logger` is for tests that check which statements a request runs. */
export function connectPostgres(url: string, options: { max?: number; logger?: Logger } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Fail fast while the database is away, so a visitor gets a 503 instead of a spinning page.
    // postgres.js waits before each reconnect by default, 3^n/100 s for the n-th failure in a
    // row across the pool (up to 20 s), and a query handed to a closed connection waits that
    // long: after ~6 refused connects, requests hung for 10-20 s. Reconnect on demand instead:
    // a refused connect fails the query at once; an unreachable host fails it after 2 s.
    backoff: () => 0,
    connect_timeout: 2,
    idle_timeout: 60,
  });
  return {
    db: drizzlePostgres({ client, schema, logger: options.logger }) as unknown as Db,
    engine: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

/** dataDir undefined means in memory (tests). */
export function connectPglite(dataDir?: string, options: { logger?: Logger } = {}): DbHandle {
  // PGlite queues queries until it is ready, so the handle can be returned at once.
  const client = new PGlite({ dataDir, extensions: { btree_gist } });
  return {
    db: drizzlePglite({ client, schema, logger: options.logger }) as unknown as Db,
    engine: "pglite",
    close: () => client.close(),
  };
}
