import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase, sqlState, type TestDatabase } from "./helpers/db";

const engines = ["pglite", ...(process.env.TEST_DATABASE_URL ? (["postgres"] as const) : [])] as const;

async function rows<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

describe.each(engines)("migrations on %s", (engine) => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it("creates every table and can be applied again without change", async () => {
    database = await createTestDatabase(engine);
    await migrateDatabase(database, database.url);
    const tables = await rows<{ table_name: string }>(
      database,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      "accounts",
      "appointments",
      "article_comments",
      "article_slug_redirects",
      "articles",
      "audio_files",
      "availability_overrides",
      "availability_settings",
      "availability_versions",
      "billing_addresses",
      "billing_claims",
      "booking_receipts",
      "cache_revalidations",
      "calendar_busy",
      "calendar_calendars",
      "calendar_connections",
      "calendar_settings",
      "calendar_writes",
      "cancellation_fees",
      "cancellation_policies",
      "dev_mailbox",
      "email_outbox",
      "exercises",
      "health_data_views",
      "image_variants",
      "images",
      "invoice_counters",
      "invoice_events",
      "invoice_lines",
      "invoices",
      "journal_entries",
      "maintenance_runs",
      "outcome_checkins",
      "outcome_prompts",
      "package_credits",
      "passkeys",
      "payments",
      "policy_acceptances",
      "practice_assignments",
      "practice_logs",
      "practice_settings",
      "rate_limits",
      "recovery_codes",
      "reminder_preferences",
      "safety_evidence",
      "safety_suggestion_decisions",
      "self_check_results",
      "session_notes",
      "session_packages",
      "session_types",
      "sessions",
      "users",
      "verification_tokens",
      "webauthn_challenges",
    ]);
  });

  it("keeps roles and addresses clean with constraints, not only code", async () => {
    const admin = database.db.insert(users).values({ email: "x@example.com", role: "admin" as "coach" });
    await expect(admin).rejects.toSatisfy((e) => sqlState(e) === "23514");
    const upper = database.db.insert(users).values({ email: "Mixed@Example.com" });
    await expect(upper).rejects.toSatisfy((e) => sqlState(e) === "23514");
    await database.db.insert(users).values({ email: "same@example.com" });
    const twice = database.db.insert(users).values({ email: "same@example.com" });
    await expect(twice).rejects.toSatisfy((e) => sqlState(e) === "23505");
  });

  it("allows only one practice settings row", async () => {
    await database.db.execute(sql`insert into practice_settings (id, practice_name) values (1, 'A')`);
    await expect(database.db.execute(sql`insert into practice_settings (id, practice_name) values (2, 'B')`)).rejects.toSatisfy(
      (e) => sqlState(e) === "23514",
    );
  });
});
