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
  const empty = await isEmpty(handle.db);
  if (e.SEED_DEMO || (empty && e.NODE_ENV !== "production")) {
    await seedDemo(handle.db, e.COACH_EMAIL);
  } else {
    await seedEssentials(handle.db, e.COACH_EMAIL);
  }
}
