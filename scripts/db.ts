// npm run db:migrate | db:seed — the same steps the app takes at start, on demand.
import { closeDb, getDbHandle } from "../db";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { env } from "../lib/env";

const command = process.argv[2];
const e = env();
const handle = getDbHandle();
try {
  if (command === "migrate") {
    await migrateDatabase(handle, e.DATABASE_URL);
    console.log(`Migrated (${handle.engine}).`);
  } else if (command === "seed") {
    await migrateDatabase(handle, e.DATABASE_URL);
    await seedDemo(handle.db, e.COACH_EMAIL);
    console.log(`Seeded demo data (${handle.engine}).`);
  } else {
    console.error("usage: tsx scripts/db.ts migrate|seed");
    process.exitCode = 2;
  }
} finally {
  await closeDb();
}
