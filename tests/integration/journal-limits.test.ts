import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { journalEntries, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/* Journal writes per client per hour, counted in PostgreSQL; the session lookup is replaced. */
const session = vi.hoisted(() => {
  process.env.RATE_LIMIT_JOURNAL_WRITES_PER_HOUR = "4";
  return { user: null as null | { id: string; role: "client"; email: string } };
});
vi.mock("@/lib/auth", () => ({ auth: async () => (session.user ? { user: session.user, expires: "2999-01-01T00:00:00Z" } : null) }));

const journal = await import("@/app/api/journal/route");
const entry = await import("@/app/api/journal/[id]/route");

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
});
afterAll(() => database.drop());

const post = (body: unknown) =>
  journal.POST(
    new NextRequest("http://localhost/api/journal", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

describe("journal write limit", () => {
  it("counts creates, changes and deletes per client and answers 429 with Retry-After, reads stay open", async () => {
    const [ben] = await database.db.select().from(users).where(eq(users.email, "ben@example.com"));
    session.user = { id: ben!.id, role: "client", email: ben!.email };
    const created = await (await post({ entryDate: "2026-11-01", pain: 3, stress: 4 })).json();
    const id = created.entry.id as string;
    const patch = () =>
      entry.PATCH(
        new NextRequest(`http://localhost/api/journal/${id}`, {
          method: "PATCH",
          body: JSON.stringify({ pain: 2 }),
          headers: { "content-type": "application/json" },
        }),
        {
          params: Promise.resolve({ id }),
        },
      );
    expect((await patch()).status).toBe(200);
    expect((await post({ entryDate: "2026-11-02", pain: 3, stress: 4 })).status).toBe(201);
    expect((await patch()).status).toBe(200);
    const limited = await post({ entryDate: "2026-11-03", pain: 3, stress: 4 });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await journal.GET(new NextRequest("http://localhost/api/journal"))).status).toBe(200);
    expect(await database.db.select().from(journalEntries).where(eq(journalEntries.userId, ben!.id))).toHaveLength(2);

    // Another client has a budget of their own.
    const [anna] = await database.db.select().from(users).where(eq(users.email, "anna@example.com"));
    session.user = { id: anna!.id, role: "client", email: anna!.email };
    expect((await post({ entryDate: "2026-11-03", pain: 3, stress: 4 })).status).toBe(201);
  });
});
