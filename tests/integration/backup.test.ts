import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without types
import { backup, restore } from "../../scripts/backup.mjs";
import { connectPostgres } from "@/db/client";
import { appointments, journalEntries, selfCheckResults, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { saveSelfCheck } from "@/lib/checks/results";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

/* The documented backup (pg_dump) and restore (pg_restore) round trip, on the PostgreSQL server. */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)("backup and restore", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "praxis-backup-"));
  beforeAll(async () => {
    source = await createTestDatabase("postgres");
    target = await createTestDatabase("postgres", { migrate: false });
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores a dump into a new database with every row, and the app's migrations see nothing to do", async () => {
    await seedDemo(source.db, "coach@example.com");
    const [anna] = await source.db.select().from(users).where(eq(users.email, "anna@example.com"));
    const signs = Object.fromEntries(
      [
        "stress_onset",
        "fluctuates",
        "no_injury",
        "outlasted_healing",
        "several_areas",
        "changes_spreads",
        "worse_with_stress",
        "eases_when_enjoying",
        "non_physical_triggers",
        "both_sides",
        "no_clear_diagnosis",
        "delayed",
        "personality",
      ].map((id) => [id, true]),
    );
    const redFlags = Object.fromEntries(
      ["fever", "weight_loss", "cancer_history", "major_trauma", "saddle_numbness", "bladder_bowel", "progressive_weakness"].map((id) => [
        id,
        false,
      ]),
    );
    await saveSelfCheck(anna!.id, { signs, redFlags }, source.db);
    const counts = async (db: TestDatabase["db"]) => ({
      users: (await db.select({ n: count() }).from(users))[0]!.n,
      journal: (await db.select({ n: count() }).from(journalEntries))[0]!.n,
      checks: (await db.select({ n: count() }).from(selfCheckResults))[0]!.n,
      appointments: (await db.select({ n: count() }).from(appointments))[0]!.n,
    });
    const before = await counts(source.db);
    expect(before.journal).toBeGreaterThan(60);

    const file = join(dir, "praxis.dump");
    backup(source.url, file);
    expect(statSync(file).size).toBeGreaterThan(1000);
    restore(file, target.url);

    expect(await counts(target.db)).toEqual(before);
    const [restoredAnna] = await target.db.select().from(users).where(eq(users.email, "anna@example.com"));
    expect(restoredAnna).toEqual(anna);
    // The migration journal came along: starting the app on the restored database changes nothing.
    const { migrateDatabase } = await import("@/db/migrate");
    const handle = connectPostgres(target.url!);
    await migrateDatabase(handle, target.url);
    await handle.close();
    expect(await counts(target.db)).toEqual(before);
  });
});
