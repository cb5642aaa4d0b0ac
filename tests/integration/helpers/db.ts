import { mkdirSync, writeFileSync } from "node:fs";
import type { Logger } from "drizzle-orm/logger";
import postgres from "postgres";
import { connectPglite, connectPostgres, type DbHandle } from "@/db/client";
import { setDbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";

export type TestDatabase = DbHandle & { url?: string; drop: () => Promise<void> };

/** An empty, migrated (unless told not to) database of its own for one test file, on the engine given (or chosen by env). */
export async function createTestDatabase(
  engine: "postgres" | "pglite" = process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
  { migrate = true, logger }: { migrate?: boolean; logger?: Logger } = {},
): Promise<TestDatabase> {
  if (engine === "pglite") {
    const handle = connectPglite(undefined, { logger });
    if (migrate) await migrateDatabase(handle);
    return { ...handle, drop: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is needed for a PostgreSQL test database");
  const name = `praxis_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString(), { logger });
  if (migrate) await migrateDatabase(handle, url.toString());
  recordEngine("postgres");
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** The same, and made the app's default database for this test file. */
export async function useTestDatabase(options: { logger?: Logger } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase(undefined, options);
  setDbHandle(database);
  return database;
}

/** .ci/run reads this to fail a run whose integration tests never reached PostgreSQL. */
function recordEngine(engine: string) {
  mkdirSync(".test-results", { recursive: true });
  writeFileSync(".test-results/integration-engine", engine);
}

/** The SQLSTATE of a failed query, for both drivers (drizzle wraps it in `cause`). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

/** The constraint a failed query broke, for both drivers (postgres.js: constraint_name, PGlite: constraint). */
export function sqlConstraint(error: unknown): string | undefined {
  const e = error as { cause?: { constraint_name?: string; constraint?: string } };
  return e?.cause?.constraint_name ?? e?.cause?.constraint;
}
