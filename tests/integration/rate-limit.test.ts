import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { hitRateLimit } from "@/lib/rate-limit";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.drop());

describe("rate limits in the database", () => {
  it("allows exactly the limit under concurrent hits", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit("race", 10, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.every((r) => r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
  });

  it("starts a new window when the old one has passed", async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit("window", 2, 60);
    expect((await hitRateLimit("window", 2, 60)).allowed).toBe(false);
    await database.db.update(rateLimits).set({ windowStart: sql`now() - interval '61 seconds'` });
    expect(await hitRateLimit("window", 2, 60)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("is off with a limit of 0", async () => {
    expect((await hitRateLimit("off", 0, 60)).allowed).toBe(true);
  });
});
