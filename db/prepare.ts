import { sql } from "drizzle-orm";
import { env, type Env } from "../lib/env";
import type { DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { isEmpty, seedDemo, seedEssentials } from "./seed";

/**
 * Brings a database to the state the app needs: migrated, with the practice settings and the
 * coach's account; outside production an empty database also gets the demo data.
 */
export async function prepareDatabase(handle: DbHandle, e: Env = env()) {
  await migrateDatabase(handle, e.DATABASE_URL);
  // Two instances starting at once seed one after the other (the second finds the data there):
  // one transaction under an advisory lock, released when it commits.
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const empty = await isEmpty(tx);
    if (e.SEED_DEMO || (empty && e.NODE_ENV !== "production")) {
      await seedDemo(tx, e.COACH_EMAIL);
    } else {
      await seedEssentials(tx, e.COACH_EMAIL);
    }
  });
}
