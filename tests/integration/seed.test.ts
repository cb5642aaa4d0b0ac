import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practiceSettings, users } from "@/db/schema";
import { prepareDatabase } from "@/db/prepare";
import { isEmpty, seedDemo } from "@/db/seed";
import { parseEnv } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

describe("seed", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("creates the coach, anna and ben once, however often it runs", async () => {
    expect(await isEmpty(database.db)).toBe(true);
    await seedDemo(database.db, "coach@example.com");
    await seedDemo(database.db, "coach@example.com");
    const all = await database.db.select({ email: users.email, role: users.role }).from(users).orderBy(users.email);
    expect(all).toEqual([
      { email: "anna@example.com", role: "client" },
      { email: "ben@example.com", role: "client" },
      { email: "coach@example.com", role: "coach" },
    ]);
    const [settings] = await database.db.select({ n: count() }).from(practiceSettings);
    expect(settings?.n).toBe(1);
  });

  it("in production makes only the coach from COACH_EMAIL, no demo clients", async () => {
    const fresh = await createTestDatabase();
    try {
      const e = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "s", AUTH_URL: "https://praxis.example.org", COACH_EMAIL: "Praxis@Example.org", DATABASE_URL: fresh.url });
      await prepareDatabase(fresh, e);
      const all = await fresh.db.select({ email: users.email, role: users.role }).from(users);
      expect(all).toEqual([{ email: "praxis@example.org", role: "coach" }]);
      const [settings] = await fresh.db.select().from(practiceSettings).where(eq(practiceSettings.id, 1));
      expect(settings?.email).toBe("praxis@example.org");
    } finally {
      await fresh.drop();
    }
  });
});
